package params

import (
	"net/netip"
	"strconv"
	"strings"

	"github.com/ekstutor/ekstutor/internal/topology"
)

// DecodeConfig reads a cluster configuration from a raw query. Every
// parameter is optional with the EKS default (topology.DefaultConfig);
// client follows public access unless given; the old node_subnet= is read
// as nodes= (public, or private for private-nat). All problems come back
// at once as Errors, in both languages.
func DecodeConfig(raw string) (topology.Config, error) {
	v, err := ConfigSchema.Decode(raw)
	errs, _ := err.(Errors)
	// The cross-field checks run on the values that did decode, so a
	// typo elsewhere does not hide that both endpoints are off.
	c, cerrs := configFrom(v)
	errs = append(errs, cerrs...)
	if len(errs) > 0 {
		return topology.Config{}, errs
	}
	return c, nil
}

// configFrom builds the configuration from decoded values, which the
// fields have already checked, so the parses below cannot fail.
func configFrom(v Values) (topology.Config, Errors) {
	c := topology.DefaultConfig()
	boolOf := func(f Field, dst *bool) {
		if s, ok := v[f.Name]; ok {
			*dst = s == "true"
		}
	}
	boolOf(fieldPublic, &c.PublicAccess)
	boolOf(fieldPrivate, &c.PrivateAccess)
	boolOf(fieldDNSHostnames, &c.DNSHostnames)
	boolOf(fieldDNSSupport, &c.DNSSupport)
	boolOf(fieldSG443, &c.SG443)
	if s, ok := v[fieldCIDRs.Name]; ok {
		c.PublicAccessCIDRs = c.PublicAccessCIDRs[:0]
		for _, p := range strings.Split(s, ",") {
			c.PublicAccessCIDRs = append(c.PublicAccessCIDRs, netip.MustParsePrefix(p))
		}
	}
	c.Client = topology.DefaultClient(c.PublicAccess)
	if s, ok := v[fieldClient.Name]; ok {
		c.Client = topology.Location(s)
	}
	if s, ok := v[fieldClientIP.Name]; ok {
		c.ClientIP = netip.MustParseAddr(s)
	}
	if s, ok := v[fieldNATIP.Name]; ok {
		c.NATIP = netip.MustParseAddr(s)
	}
	if s, ok := v[fieldEndpoints.Name]; ok && s != "" {
		for _, e := range strings.Split(s, ",") {
			c.Endpoints = append(c.Endpoints, topology.Service(e))
		}
	}
	var errs Errors
	c.Nodes, errs = nodesFrom(v)
	if !c.PublicAccess && !c.PrivateAccess {
		msg := text{
			EN: "public=false and private=false turn both endpoints off; EKS needs at least one of them on.",
			KO: "public=false와 private=false는 두 엔드포인트를 모두 끕니다. EKS에서는 적어도 하나를 켜 주세요.",
		}
		errs = append(errs,
			FieldError{Name: fieldPublic.Name, Value: "false", Problem: Conflict, Message: msg},
			FieldError{Name: fieldPrivate.Name, Value: "false", Problem: Conflict, Message: msg},
		)
	}
	return c, errs
}

// nodesFrom reads nodes=, or the node_subnet= it replaced; both given
// must agree.
func nodesFrom(v Values) (topology.NodePlacement, Errors) {
	n, given := v[fieldNodes.Name]
	old, oldGiven := v[fieldNodeSubnet.Name]
	legacy := topology.NodesPrivateNAT
	if old == string(topology.SubnetPublic) {
		legacy = topology.NodesPublic
	}
	switch {
	case given && oldGiven && topology.NodePlacement(n) != legacy:
		msg := text{
			EN: "nodes=" + n + " and node_subnet=" + old + " disagree; node_subnet is the old name of nodes: give only nodes.",
			KO: "nodes=" + n + " 값과 node_subnet=" + old + " 값이 서로 맞지 않습니다. node_subnet은 nodes의 예전 이름이므로 nodes만 넣어 주세요.",
		}
		return topology.NodePlacement(n), Errors{
			{Name: fieldNodes.Name, Value: n, Problem: Conflict, Message: msg},
			{Name: fieldNodeSubnet.Name, Value: old, Problem: Conflict, Message: msg},
		}
	case given:
		return topology.NodePlacement(n), nil
	case oldGiven:
		return legacy, nil
	}
	return topology.DefaultConfig().Nodes, nil
}

// EncodeConfig is the canonical query for c: the schema's order, only the
// fields that differ from their defaults (never the old node_subnet), the
// endpoints in topology.Services() order, so equal configurations share
// one address.
func EncodeConfig(c topology.Config) string {
	v := Values{}
	put := func(f Field, val, def string) {
		if val != def {
			v[f.Name] = val
		}
	}
	putBool := func(f Field, val bool) { put(f, strconv.FormatBool(val), f.Default) }
	putBool(fieldPublic, c.PublicAccess)
	putBool(fieldPrivate, c.PrivateAccess)
	put(fieldCIDRs, joinPrefixes(c.PublicAccessCIDRs), fieldCIDRs.Default)
	put(fieldClient, string(c.Client), string(topology.DefaultClient(c.PublicAccess)))
	put(fieldClientIP, c.ClientIP.String(), fieldClientIP.Default)
	put(fieldNodes, string(c.Nodes), fieldNodes.Default)
	put(fieldNATIP, c.NATIP.String(), fieldNATIP.Default)
	putBool(fieldDNSHostnames, c.DNSHostnames)
	putBool(fieldDNSSupport, c.DNSSupport)
	put(fieldEndpoints, canonicalEndpoints(c.Endpoints), fieldEndpoints.Default)
	putBool(fieldSG443, c.SG443)
	return ConfigSchema.Encode(v)
}

func canonicalEndpoints(es []topology.Service) string {
	canon, _ := checkEndpoints(strings.Join(names(es), ","))
	return canon
}
