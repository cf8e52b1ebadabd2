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
//   - the VPC resolver with private access on: the private hosted zone's
//     answer, the EKS-owned ENIs' private IPs;
//   - otherwise, with public access on: the NLB's public IPs, from anywhere;
//   - with public access off: public DNS returns the private IPs too, so the
//     name resolves anywhere but is reachable only from the VPC or a
//     connected network.
func answerFrom(cfg Config, resolver ComponentID) Answer {
	if resolver == VPCDNS && cfg.PrivateAccess {
		return AnswerPrivate
	}
	if cfg.PublicAccess {
		return AnswerPublic
	}
	return AnswerPrivate
}

// addressOf returns the component that owns the addresses of a DNS answer:
// the public IPs are the NLB's, the private IPs the EKS-owned ENIs'.
func addressOf(a Answer) ComponentID {
	if a == AnswerPublic {
		return NLB
	}
	return EKSENI
}

// carries reports whether a link on network n can carry a packet addressed
// to an answer of kind a. Private IPs route only inside the VPC and over
// the networks joined to it, never across the internet. Public IPs are
// reached from the VPC through its gateways (then on Amazon's network) or
// from outside across the internet; traffic to them is never sent into a
// VPN or Direct Connect link.
func carries(a Answer, n Network) bool {
	if a == AnswerPublic {
		return n == NetVPC || n == NetAWSPublic || n == NetInternet
	}
	return n == NetVPC || n == NetConnected
}
