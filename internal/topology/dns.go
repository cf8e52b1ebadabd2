package topology

// The DNS rules of chapter 5, in code. Every flow towards the API server
// starts with a lookup of the endpoint's name; the answer, not the mode,
// decides which address the packets go to and so which path they take.

// resolverFor returns who answers asker's query for the endpoint name.
// An admin laptop on the internet asks public DNS, and so does a connected
// network (VPN, Direct Connect, peering) that uses its own DNS: without
// forwarding it gets the public answer (the curriculum's known pain
// point). Everything inside the customer VPC, and a connected network
// that forwards the name, asks the VPC resolver (AmazonProvidedDNS),
// where EKS's private hosted zone lives.
func resolverFor(cfg Config, asker ComponentID) ComponentID {
	if asker == Kubectl && (cfg.Client == LocInternet || cfg.Client == LocConnected) {
		return PublicDNS
	}
	return VPCDNS
}

// answerFrom returns what resolver answers for the endpoint name under cfg:
//   - the VPC resolver with DNS resolution (enableDnsSupport) off: nothing;
//   - the VPC resolver with private access on: the private hosted zone's
//     answer, the EKS-owned ENIs' private IPs, but only while the VPC has
//     DNS hostnames on too (the user guide: the hosted zone needs both
//     attributes); without them the resolver answers as public DNS does;
//   - otherwise, with public access on: the NLB's public IPs, from anywhere;
//   - with public access off: public DNS returns the private IPs too, so the
//     name resolves anywhere but is reachable only from the VPC or a
//     connected network.
func answerFrom(cfg Config, resolver ComponentID) Answer {
	if resolver == VPCDNS && !cfg.DNSSupport {
		return AnswerNone
	}
	if resolver == VPCDNS && cfg.PrivateAccess && cfg.DNSHostnames {
		return AnswerPrivate
	}
	if cfg.PublicAccess {
		return AnswerPublic
	}
	return AnswerPrivate
}

// serviceAnswer is what the VPC resolver answers a node for an AWS
// service's name: nothing with DNS resolution off; the interface
// endpoint's private IPs where the VPC has one for the service and its
// private DNS name answers (which needs both DNS attributes on); the
// service's public IPs otherwise. S3's gateway endpoint changes routes,
// not DNS: S3's name always resolves to its public IPs.
func serviceAnswer(cfg Config, svc Service) Answer {
	switch {
	case !cfg.DNSSupport:
		return AnswerNone
	case !svc.Gateway() && cfg.HasEndpoint(svc) && cfg.DNSHostnames:
		return AnswerEndpoint
	}
	return AnswerService
}

// addressOf returns the component that owns the addresses of a DNS answer:
// the public IPs are the NLB's, the private IPs the EKS-owned ENIs', an
// endpoint's the interface endpoints', a service's the service's own.
func addressOf(a Answer, service ComponentID) ComponentID {
	switch a {
	case AnswerPublic:
		return NLB
	case AnswerEndpoint:
		return InterfaceEndpoints
	case AnswerService:
		return service
	}
	return EKSENI
}

// carries reports whether a link on network n can carry a packet addressed
// to an answer of kind a. Private IPs route only inside the VPC and over
// the networks joined to it, never across the internet. Public IPs are
// reached from the VPC through its gateways (then on Amazon's network) or
// from outside across the internet; traffic to them is never sent into a
// VPN or Direct Connect link.
//
// An AWS service's public IPs (AnswerService) are reached the same way
// from the VPC, and also through the S3 gateway endpoint, which the route
// table picks for S3's addresses; an interface endpoint's private IPs
// (AnswerEndpoint) only inside the VPC.
func carries(a Answer, l Link) bool {
	n := l.Network
	switch a {
	case AnswerPublic:
		return n == NetVPC || n == NetAWSPublic || n == NetInternet
	case AnswerService:
		return n == NetVPC || n == NetAWSPublic || (n == NetAWS && (l.A == S3Gateway || l.B == S3Gateway))
	case AnswerEndpoint:
		return n == NetVPC
	}
	return n == NetVPC || n == NetConnected
}
