package topology

// Resolve computes every flow of Flows(), in that order, for cfg. It
// returns the error of cfg.Validate (ErrNoEndpoint when both access flags
// are off) and no result for an invalid configuration.
//
// No path is written out per mode. Each flow towards the API server is
// derived in three parts: a DNS lookup (dns.go) whose answer names an
// address, the NLB's public IPs or the EKS-owned ENIs' private IPs; a
// route from the asker to that address, searched over the links of
// Build(cfg) that can carry such an address (route.go); and the AWS
// network from that address on to the API server. A flow that cannot
// complete stops where the search fails, with the reason.
func Resolve(cfg Config) (Result, error) {
	if err := cfg.Validate(); err != nil {
		return Result{}, err
	}
	t := Build(cfg)
	ids := Flows()
	r := Result{Config: cfg, Flows: make([]Flow, 0, len(ids))}
	for _, id := range ids {
		r.Flows = append(r.Flows, resolveFlow(t, cfg, id))
	}
	return r, nil
}

func resolveFlow(t Topology, cfg Config, id FlowID) Flow {
	switch id {
	case FlowKubectlToAPIServer:
		return traceToAPIServer(t, cfg, id, Kubectl)
	case FlowKubeletToAPIServer:
		return traceToAPIServer(t, cfg, id, Kubelet)
	default:
		return traceToKubelet(t, cfg, id)
	}
}

// traceToAPIServer follows a request from asker (kubectl or a kubelet) to
// the API server: DNS lookup, route to the answered address, then on to an
// API server over AWS's network.
func traceToAPIServer(t Topology, cfg Config, id FlowID, asker ComponentID) Flow {
	tr := newTracer(t, cfg, id, asker)
	resolver := resolverFor(cfg, asker)
	l, ok := t.LinkBetween(asker, resolver)
	if !ok {
		return tr.block(asker, noResolverReason(cfg, asker))
	}
	answer := answerFrom(cfg, resolver)
	tr.dns(resolver, answer, l.Network)

	addr := addressOf(answer)
	hops, ok := route(t, asker, addr, toward(answer))
	if !ok {
		return tr.block(asker, noRouteReason(cfg, asker, answer))
	}
	tr.hops(hops)

	// Past the address, the request is on AWS's side: the NLB or the
	// cross-account ENI hands it to an API server.
	hops, ok = route(t, addr, APIServer, onNetwork(NetAWS))
	if !ok {
		return tr.block(addr, noPathReason(t, addr, APIServer))
	}
	tr.hops(hops)
	return tr.done()
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
			return tr.block(leg.from, noPathReason(t, leg.from, leg.to))
		}
		tr.hops(hops)
	}
	return tr.done()
}

// tracer collects the steps of one flow as it is derived.
type tracer struct {
	t     Topology
	cfg   Config
	asker ComponentID // who starts the flow; reasons depend on it
	f     Flow
}

func newTracer(t Topology, cfg Config, id FlowID, asker ComponentID) *tracer {
	return &tracer{t: t, cfg: cfg, asker: asker, f: Flow{ID: id, Steps: make([]Step, 0, 6)}}
}

func (tr *tracer) dns(resolver ComponentID, a Answer, n Network) {
	tr.f.Steps = append(tr.f.Steps, Step{
		Kind: StepDNS, From: tr.asker, To: resolver, Network: n, Answer: a,
		Reason: dnsReason(tr.cfg, tr.asker, resolver, a),
	})
}

func (tr *tracer) hops(hs []hop) {
	for _, h := range hs {
		tr.f.Steps = append(tr.f.Steps, Step{
			Kind: StepHop, From: h.from, To: h.to, Network: h.network,
			Reason: hopReason(tr.t, tr.cfg, tr.asker, h),
		})
	}
}

// block ends the flow unreachable at component at.
func (tr *tracer) block(at ComponentID, reason Text) Flow {
	tr.f.Blocked = &Blocked{At: at, Reason: reason}
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
