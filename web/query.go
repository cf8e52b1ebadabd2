package web

import (
	"errors"
	"net/url"
	"strings"

	"github.com/ekstutor/ekstutor/internal/topology"
)

// configParams are the query parameters that describe a cluster
// configuration, shared by the API, the diagrams and the pages.
var configParams = []string{"public", "private", "client", "node_subnet"}

// checkParams rejects a parameter the endpoint does not know, so a typo
// ("pubic=true") is an error rather than a silently ignored default.
func checkParams(q url.Values, accepted ...string) error {
	for name := range q {
		known := false
		for _, a := range accepted {
			known = known || name == a
		}
		if !known {
			return &paramError{name, "unknown parameter (accepted: " + strings.Join(accepted, ", ") + ")"}
		}
	}
	return nil
}

// oneValue returns the single value of a parameter, "" when absent.
func oneValue(q url.Values, name string) (string, error) {
	vs := q[name]
	switch len(vs) {
	case 0:
		return "", nil
	case 1:
		return vs[0], nil
	}
	return "", &paramError{name, "given more than once"}
}

func parseBool(q url.Values, name string) (bool, error) {
	v, err := oneValue(q, name)
	if err != nil {
		return false, err
	}
	switch v {
	case "true", "1", "on":
		return true, nil
	case "false", "0", "off":
		return false, nil
	case "":
		return false, &paramError{name, "missing (accepted: true, false)"}
	}
	return false, &paramError{name, `"` + v + `" is not a boolean (accepted: true, false)`}
}

// configFromQuery reads a cluster configuration: public and private are
// required; client defaults to the internet while the public endpoint is on
// and to a bastion in the VPC otherwise; node_subnet defaults to private.
func configFromQuery(q url.Values) (topology.Config, error) {
	var c topology.Config
	var err error
	if c.PublicAccess, err = parseBool(q, "public"); err != nil {
		return c, err
	}
	if c.PrivateAccess, err = parseBool(q, "private"); err != nil {
		return c, err
	}
	if !c.PublicAccess && !c.PrivateAccess {
		return c, &paramError{"public", "public and private are both false, but " + topology.ErrNoEndpoint.Error()}
	}
	client, err := oneValue(q, "client")
	if err != nil {
		return c, err
	}
	c.Client = topology.Location(client)
	if client == "" {
		c.Client = topology.DefaultClient(c.PublicAccess)
	}
	subnet, err := oneValue(q, "node_subnet")
	if err != nil {
		return c, err
	}
	c.NodeSubnet = topology.SubnetKind(subnet)
	if subnet == "" {
		c.NodeSubnet = topology.SubnetPrivate
	}
	if err := c.Validate(); err != nil {
		var fe *topology.FieldError
		if errors.As(err, &fe) {
			return c, &paramError{fe.Field, fe.Msg}
		}
		return c, &paramError{"public", err.Error()}
	}
	return c, nil
}
