package topology

// StepKind tells a DNS lookup from a network hop.
type StepKind string

// The kinds of step in a flow.
const (
	StepDNS StepKind = "dns" // a name lookup: From asks, To answers
	StepHop StepKind = "hop" // a packet moves From -> To across Network
)

// Answer is which address a DNS lookup returned for the cluster endpoint.
type Answer string

// DNS answers: for the cluster endpoint name (public, private), for an
// AWS service's name (endpoint, service), or none at all.
const (
	AnswerPublic   Answer = "public"   // the NLB's public IPs
	AnswerPrivate  Answer = "private"  // the EKS-owned ENIs' private IPs
	AnswerEndpoint Answer = "endpoint" // an interface VPC endpoint's private IPs
	AnswerService  Answer = "service"  // an AWS service's public IPs
	AnswerNone     Answer = "none"     // no answer: the resolver does not answer
)

// Step is one event of a flow, as the event list shows it.
type Step struct {
	Kind    StepKind    `json:"kind"`
	From    ComponentID `json:"from"`
	To      ComponentID `json:"to"`
	Network Network     `json:"network"`          // the network the query or packet crosses
	Answer  Answer      `json:"answer,omitempty"` // DNS steps only
	Reason  Text        `json:"reason"`
}

// Blocked says where a flow stops, why, and what would fix it: Code is a
// stable explanation code (Codes), Reason and Fix are sentences with the
// configuration's own values.
type Blocked struct {
	At     ComponentID `json:"at"`
	Code   Code        `json:"code"`
	Reason Text        `json:"reason"`
	Fix    Text        `json:"fix"`
}

// Flow is one resolved packet flow.
type Flow struct {
	ID        FlowID `json:"id"`
	Reachable bool   `json:"reachable"`
	// CrossesInternet is true when some step (a DNS query included)
	// crosses NetInternet: only a client outside AWS does that. A node's
	// packet on the public path stays on Amazon's network (NetAWSPublic).
	CrossesInternet bool `json:"crosses_internet"`
	// PublicPath is true when the flow reaches the NLB's public address,
	// so the public access CIDRs apply to it (and, from a private subnet,
	// NAT data-processing charges), whichever network it came over.
	PublicPath bool     `json:"public_path"`
	Steps      []Step   `json:"steps"`
	Blocked    *Blocked `json:"blocked"`
}

// Verdict sums a result up the way the lab's panel reads it.
type Verdict struct {
	// Kubectl: the kubectl flow reaches the API server.
	Kubectl bool `json:"kubectl"`
	// NodesCanJoin: the kubelet reaches the API server, images pull, and
	// the EC2 API is reachable (the EKS-optimised AMI names the node
	// through it and the VPC CNI assigns pod IPs through it).
	NodesCanJoin bool `json:"nodes_can_join"`
	// ImagesPull: the node-to-ecr flow completes (ECR API, registry, S3).
	ImagesPull bool `json:"images_pull"`
	// EndpointsNeeded lists, for nodes without a route to the internet,
	// the VPC endpoints of ec2, ecr.api, ecr.dkr and s3 the configuration
	// lacks, in Services() order; empty otherwise.
	EndpointsNeeded []Service `json:"endpoints_needed"`
}

// Result is the resolver's answer for one configuration. Its JSON form is
// the model's canonical serialisation.
type Result struct {
	Config  Config  `json:"config"`
	Flows   []Flow  `json:"flows"`
	Verdict Verdict `json:"verdict"`
}

// Flow returns the flow with the given ID, if the result has it.
func (r Result) Flow(id FlowID) (Flow, bool) {
	for _, f := range r.Flows {
		if f.ID == id {
			return f, true
		}
	}
	return Flow{}, false
}
