package topology

import (
	"fmt"
	"strings"
)

// This file is the model's vocabulary: the one list of each kind of name
// (modes, flows, views, client locations, subnet kinds, networks) and the
// one way to read each from text. URLs, chapter blocks, the JSON API and
// diagram options all parse through these functions, so a value is either
// accepted everywhere or nowhere, and every refusal lists the same
// accepted values.

// View names one of the diagrams drawn from the model. It lives here, not
// in the diagram package, because chapters, URLs and the page layer name
// views too, and they must agree on one list.
type View string

// The views, in the order the chapters use them.
const (
	ViewOverview     View = "overview"      // AWS-managed vs customer-managed
	ViewControlPlane View = "control-plane" // NLB, API servers and etcd across three AZs
	ViewDataPlane    View = "data-plane"    // nodes, pods with VPC IPs, VPC CNI, EKS-owned ENIs
	ViewEndpoints    View = "endpoints"     // one endpoint-access mode and its flows
)

// Views lists every view in teaching order.
func Views() []View {
	return []View{ViewOverview, ViewControlPlane, ViewDataPlane, ViewEndpoints}
}

// Locations lists where kubectl can run, in the order the lab offers them.
func Locations() []Location { return []Location{LocInternet, LocVPC, LocConnected, LocConnectedDNS} }

// NodePlacements lists where the worker nodes can run, most open first.
func NodePlacements() []NodePlacement {
	return []NodePlacement{NodesPublic, NodesPrivateNAT, NodesPrivateIsolated}
}

// Services lists the VPC endpoint services the lab knows, image pull
// first, in the order of the configuration's endpoints list.
func Services() []Service {
	return []Service{SvcECRAPI, SvcECRDKR, SvcS3, SvcSTS, SvcEC2, SvcLogs, SvcELB}
}

// SubnetKinds lists the kinds of subnet the worker nodes can run in.
func SubnetKinds() []SubnetKind { return []SubnetKind{SubnetPublic, SubnetPrivate} }

// Networks lists the networks a hop can cross, loudest first: the order
// of every legend.
func Networks() []Network {
	return []Network{NetInternet, NetAWSPublic, NetAWS, NetVPC, NetConnected}
}

// ParseMode reads an endpoint access mode. A value it refuses comes back
// as a *FieldError for field "mode" listing Modes().
func ParseMode(s string) (Mode, error) { return parse(s, "mode", "an endpoint access mode", Modes()) }

// ParseFlow reads a flow name; a refusal is a *FieldError for "flow".
func ParseFlow(s string) (FlowID, error) { return parse(s, "flow", "a flow", Flows()) }

// ParseView reads a view name; a refusal is a *FieldError for "view".
func ParseView(s string) (View, error) { return parse(s, "view", "a view", Views()) }

// ParseLocation reads where kubectl runs. The refusal names field
// "client", the Config field (and query parameter) locations fill.
func ParseLocation(s string) (Location, error) {
	return parse(s, "client", "a location", Locations())
}

// ParseSubnetKind reads a subnet kind. The refusal names field
// "node_subnet", the Config field subnet kinds fill.
func ParseSubnetKind(s string) (SubnetKind, error) {
	return parse(s, "node_subnet", "a subnet kind", SubnetKinds())
}

// ParseNodePlacement reads where the nodes run; a refusal is a
// *FieldError for "nodes", the Config field (and query parameter).
func ParseNodePlacement(s string) (NodePlacement, error) {
	return parse(s, "nodes", "a node placement", NodePlacements())
}

// ParseService reads one VPC endpoint service; a refusal is a
// *FieldError for "endpoints".
func ParseService(s string) (Service, error) {
	return parse(s, "endpoints", "a VPC endpoint service", Services())
}

// ParseNetwork reads a network name; a refusal is a *FieldError for
// "network".
func ParseNetwork(s string) (Network, error) {
	return parse(s, "network", "a network", Networks())
}

// parse accepts s if it is one of all, exactly (names are case-sensitive
// in URLs and JSON alike, so "Public" is refused rather than guessed).
func parse[T ~string](s, field, noun string, all []T) (T, error) {
	for _, v := range all {
		if string(v) == s {
			return v, nil
		}
	}
	accepted := make([]string, len(all))
	for i, v := range all {
		accepted[i] = string(v)
	}
	return "", &FieldError{
		Field: field, Value: s, Accepted: accepted,
		Msg: fmt.Sprintf("%s %q is not %s (accepted: %s)", field, s, noun, strings.Join(accepted, ", ")),
	}
}
