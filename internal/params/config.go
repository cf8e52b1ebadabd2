package params

import (
	"strconv"

	"github.com/ekstutor/ekstutor/internal/topology"
)

// DecodeConfig reads a cluster configuration from a raw query. Every
// parameter is optional with the EKS default (public on, private off);
// client follows public access unless given. All problems come back at
// once as Errors.
func DecodeConfig(raw string) (topology.Config, error) {
	v, err := ConfigSchema.Decode(raw)
	errs, _ := err.(Errors)
	// The cross-field check runs on the values that did decode, so a
	// typo elsewhere does not hide that both endpoints are off.
	c, cerr := configFrom(v)
	if ce, ok := cerr.(Errors); ok {
		errs = append(errs, ce...)
	}
	if len(errs) > 0 {
		return topology.Config{}, errs
	}
	return c, nil
}

func configFrom(v Values) (topology.Config, error) {
	get := func(f Field) string {
		if s, ok := v[f.Name]; ok {
			return s
		}
		return f.Default
	}
	c := topology.Config{
		PublicAccess:  get(fieldPublic) == "true",
		PrivateAccess: get(fieldPrivate) == "true",
		NodeSubnet:    topology.SubnetKind(get(fieldNodeSubnet)),
	}
	c.Client = topology.DefaultClient(c.PublicAccess)
	if s, ok := v[fieldClient.Name]; ok {
		c.Client = topology.Location(s)
	}
	if !c.PublicAccess && !c.PrivateAccess {
		msg := text{
			EN: "public=false and private=false turn both endpoints off; EKS needs at least one of them on.",
			KO: "public=false와 private=false는 두 엔드포인트를 모두 끕니다. EKS에서는 적어도 하나를 켜 주세요.",
		}
		return c, Errors{
			{Name: fieldPublic.Name, Value: "false", Problem: Conflict, Message: msg},
			{Name: fieldPrivate.Name, Value: "false", Problem: Conflict, Message: msg},
		}
	}
	return c, nil
}

// EncodeConfig is the canonical query for c: the schema's order, only the
// fields that differ from their defaults, so equal configurations share
// one address.
func EncodeConfig(c topology.Config) string {
	v := Values{}
	put := func(f Field, val, def string) {
		if val != def {
			v[f.Name] = val
		}
	}
	put(fieldPublic, strconv.FormatBool(c.PublicAccess), fieldPublic.Default)
	put(fieldPrivate, strconv.FormatBool(c.PrivateAccess), fieldPrivate.Default)
	put(fieldClient, string(c.Client), string(topology.DefaultClient(c.PublicAccess)))
	put(fieldNodeSubnet, string(c.NodeSubnet), fieldNodeSubnet.Default)
	return ConfigSchema.Encode(v)
}
