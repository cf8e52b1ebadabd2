package topology

import "net/netip"

// Resolve computes every flow of Flows(), in that order, for cfg, and the
// verdict they add up to. It returns the error of cfg.Validate
// (ErrNoEndpoint when both access flags are off) and no result for an
// invalid configuration.
//
// No path is written out per mode. Each flow towards a service (the API
// server, the ECR API, the registry, S3) is derived in three parts: a DNS
// lookup (dns.go) whose answer names an address (the NLB's public IPs,
// the EKS-owned ENIs' private IPs, an interface endpoint's, a service's
// public IPs, or nothing); a route from the asker to that address,
// searched over the links of Build(cfg) that can carry such an address
// (route.go); and the AWS network from that address on. The doors on the
// way check what they guard: the NLB's public address the public access
// CIDRs, the EKS-owned ENI the cluster security group. A flow that cannot
// complete stops where it fails, with an explanation code, the reason and
// the fix (blocked.go).
func Resolve(cfg Config) (Result, error) {
	if err := cfg.Validate(); err != nil {
		return Result{}, err
	}
	t := Build(cfg)
	ids := Flows()
	r := Result{Config: cfg, Flows: make([]Flow, 0, len(ids))}
	if r.Config.Endpoints == nil {
		r.Config.Endpoints = []Service{} // canonical JSON: [] rather than null
	}
	for _, id := range ids {
		r.Flows = append(r.Flows, resolveFlow(t, cfg, id))
	}
	r.Verdict = verdictOf(cfg, r)
	return r, nil
}

func resolveFlow(t Topology, cfg Config, id FlowID) Flow {
	switch id {
	case FlowKubectlToAPIServer:
		return traceToAPIServer(t, cfg, id, Kubectl)
	case FlowKubeletToAPIServer:
		return traceToAPIServer(t, cfg, id, Kubelet)
	case FlowNodeToECR:
		return traceImagePull(t, cfg, id)
	default:
		return traceToKubelet(t, cfg, id)
	}
}

// traceToAPIServer follows a request from asker (kubectl or a kubelet) to
// the API server: DNS lookup, route to the answered address, the door's
// check, then on to an API server over AWS's network.
func traceToAPIServer(t Topology, cfg Config, id FlowID, asker ComponentID) Flow {
	tr := newTracer(t, cfg, id, asker)
	if asker == Kubelet && cfg.DNSSupport && !cfg.DNSHostnames {
		// AWS's VPC requirements: without DNS hostnames nodes can't
		// register, whatever the endpoint answers.
		return tr.block(blockHostnamesOff(cfg))
	}
	resolver := resolverFor(cfg, asker)
	l, ok := t.LinkBetween(asker, resolver)
	if !ok {
		return tr.block(blockNoResolver(cfg, asker))
	}
	answer := answerFrom(cfg, resolver)
	tr.dns(resolver, answer, l.Network)
	if answer == AnswerNone {
		return tr.block(blockDNSOff(cfg, asker))
	}

	addr := addressOf(answer, APIServer)
	hops, ok := route(t, asker, addr, toward(answer))
	if !ok {
		return tr.block(blockNoRoute(cfg, asker, answer))
	}
	tr.hops(hops)
	if b, blocked := door(cfg, asker, addr); blocked {
		return tr.block(b)
	}

	// Past the address, the request is on AWS's side: the NLB or the
	// cross-account ENI hands it to an API server.
	hops, ok = route(t, addr, APIServer, onNetwork(NetAWS))
	if !ok {
		return tr.block(blockNoPath(t, addr, APIServer))
	}
	tr.hops(hops)
	return tr.done()
}

// door checks what the address guards once the packet is there: the
// NLB's public address the public access CIDRs, the EKS-owned ENI the
// cluster security group (for kubectl; the nodes' own traffic is allowed
// by the rules EKS puts in that group for them).
func door(cfg Config, asker, addr ComponentID) (Blocked, bool) {
	switch {
	case addr == NLB:
		src := cfg.ClientIP
		if asker == Kubelet {
			src = cfg.NATIP
		}
		if !allowed(cfg, src) {
			return blockCIDR(cfg, asker), true
		}
	case addr == EKSENI && asker == Kubectl && !cfg.SG443:
		return blockSG443(cfg), true
	}
	return Blocked{}, false
}

// allowed reports whether a public access CIDR contains addr.
func allowed(cfg Config, addr netip.Addr) bool {
	for _, p := range cfg.PublicAccessCIDRs {
		if p.Contains(addr) {
			return true
		}
	}
	return false
}

// traceToKubelet follows the API server's connection to a kubelet (kubectl
// exec, logs, port-forward). There is no DNS step: the control plane
// reaches the nodes only through the EKS-owned ENIs it placed in the
// cluster subnets, so the path is AWS's network to the ENI and the VPC from
// there, whatever the endpoint settings.
func traceToKubelet(t Topology, cfg Config, id FlowID) Flow {
	tr := newTracer(t, cfg, id, APIServer)
	legs := []struct {
		from, to ComponentID
		net      Network
	}{
		{APIServer, EKSENI, NetAWS},
		{EKSENI, Kubelet, NetVPC},
	}
	for _, leg := range legs {
		hops, ok := route(t, leg.from, leg.to, onNetwork(leg.net))
		if !ok {
			return tr.block(blockNoPath(t, leg.from, leg.to))
		}
		tr.hops(hops)
	}
	return tr.done()
}

// pullLegs are the services a node calls to pull an image from ECR, in
// order: the ECR API (authorisation), the registry (the image manifest),
// then S3, where the layers are.
func pullLegs() []pullLeg {
	return []pullLeg{{SvcECRAPI, ECRAPI}, {SvcECRDKR, ECRRegistry}, {SvcS3, S3}}
}

type pullLeg struct {
	svc  Service
	comp ComponentID
}

// traceImagePull follows a node pulling an image, one leg per service,
// each a DNS lookup and a route to the answered address.
func traceImagePull(t Topology, cfg Config, id FlowID) Flow {
	tr := newTracer(t, cfg, id, Kubelet)
	for _, leg := range pullLegs() {
		tr.dest = leg.comp
		answer := serviceAnswer(cfg, leg.svc)
		tr.dns(VPCDNS, answer, NetVPC)
		if answer == AnswerNone {
			return tr.block(blockDNSOff(cfg, Kubelet))
		}
		addr := addressOf(answer, leg.comp)
		hops, ok := route(t, Kubelet, addr, toward(answer))
		if !ok {
			return tr.block(blockServiceUnreachable(cfg, leg.svc, leg.comp))
		}
		tr.hops(hops)
		if addr != leg.comp {
			hops, ok = route(t, addr, leg.comp, onNetwork(NetAWS))
			if !ok {
				return tr.block(blockServiceUnreachable(cfg, leg.svc, leg.comp))
			}
			tr.hops(hops)
		}
	}
	return tr.done()
}

// verdictOf sums the flows up. The EC2 API has no flow of its own: nodes
// reach it the way they reach ECR, over their route out or through the
// ec2 interface endpoint (whose private DNS name needs both DNS
// attributes).
func verdictOf(cfg Config, r Result) Verdict {
	reach := func(id FlowID) bool { f, _ := r.Flow(id); return f.Reachable }
	ec2 := cfg.DNSSupport && (cfg.Nodes.Egress() || (cfg.HasEndpoint(SvcEC2) && cfg.DNSHostnames))
	v := Verdict{
		Kubectl:         reach(FlowKubectlToAPIServer),
		ImagesPull:      reach(FlowNodeToECR),
		EndpointsNeeded: []Service{},
	}
	v.NodesCanJoin = reach(FlowKubeletToAPIServer) && v.ImagesPull && ec2
	if !cfg.Nodes.Egress() {
		for _, s := range Services() {
			if joinNeeds(s) && !cfg.HasEndpoint(s) {
				v.EndpointsNeeded = append(v.EndpointsNeeded, s)
			}
		}
	}
	return v
}

// joinNeeds reports whether nodes without a route out need an endpoint
// for s to join the cluster and pull images (the private clusters page of
// the EKS user guide: ec2 for the EKS-optimised AMI, ecr.api, ecr.dkr and
// s3 for images).
func joinNeeds(s Service) bool {
	return s == SvcEC2 || s == SvcECRAPI || s == SvcECRDKR || s == SvcS3
}

// tracer collects the steps of one flow as it is derived.
type tracer struct {
	t     Topology
	cfg   Config
	asker ComponentID // who starts the flow; reasons depend on it
	dest  ComponentID // where the current leg goes (the API server, or an AWS service)
	f     Flow
}

func newTracer(t Topology, cfg Config, id FlowID, asker ComponentID) *tracer {
	return &tracer{t: t, cfg: cfg, asker: asker, dest: APIServer, f: Flow{ID: id, Steps: make([]Step, 0, 6)}}
}

func (tr *tracer) dns(resolver ComponentID, a Answer, n Network) {
	reason := dnsReason(tr.cfg, tr.asker, resolver, a)
	if tr.dest != APIServer {
		reason = serviceDNSReason(tr.cfg, tr.dest, a)
	}
	tr.f.Steps = append(tr.f.Steps, Step{
		Kind: StepDNS, From: tr.asker, To: resolver, Network: n, Answer: a, Reason: reason,
	})
}

func (tr *tracer) hops(hs []hop) {
	for _, h := range hs {
		tr.f.Steps = append(tr.f.Steps, Step{
			Kind: StepHop, From: h.from, To: h.to, Network: h.network,
			Reason: hopReason(tr.t, tr.cfg, tr.asker, tr.dest, h),
		})
	}
}

// block ends the flow unreachable as b says.
func (tr *tracer) block(b Blocked) Flow {
	tr.f.Blocked = &b
	return tr.done()
}

// done finishes the flow: reachable unless blocked, crossing the internet
// if any step (DNS queries included) does, and on the public path if a
// packet reaches the NLB's public address.
func (tr *tracer) done() Flow {
	tr.f.Reachable = tr.f.Blocked == nil
	for _, s := range tr.f.Steps {
		if s.Network == NetInternet {
			tr.f.CrossesInternet = true
		}
		if s.Kind == StepHop && s.To == NLB {
			tr.f.PublicPath = true
		}
	}
	return tr.f
}
