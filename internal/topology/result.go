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

// DNS answers for the cluster endpoint name.
const (
	AnswerPublic  Answer = "public"  // the NLB's public IPs
	AnswerPrivate Answer = "private" // the EKS-owned ENIs' private IPs
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

// Blocked says where a flow stops and why.
type Blocked struct {
	At     ComponentID `json:"at"`
	Reason Text        `json:"reason"`
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

// Result is the resolver's answer for one configuration. Its JSON form is
// the model's canonical serialisation.
type Result struct {
	Config Config `json:"config"`
	Flows  []Flow `json:"flows"`
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
