// Package topology is the one model of the EKS world the tutor teaches: the
// zones (internet, the AWS-managed control-plane VPC, the customer VPC, a
// connected network), the components inside them, the links between them,
// and a resolver that computes every packet flow hop by hop from a cluster
// configuration.
//
// The package is pure and deterministic. It imports nothing of the project
// and nothing of HTTP or HTML, so it runs headless in tests and its JSON
// form (see Result) is the canonical serialisation that the API serves and
// that every diagram is drawn from.
package topology
