package web

import (
	"strings"

	"github.com/ekstutor/ekstutor/internal/topology"
	"github.com/ekstutor/ekstutor/web/view"
)

// hoursPerMonth is the curriculum's own month: USD 0.10 an hour is
// "about USD 73 a month" for the control plane.
const hoursPerMonth = 730

// labVerdict sums the result up: the three questions a team asks first,
// which flows leave the private networks, which VPC endpoints the
// configuration still lacks, and a rough monthly cost. The cost uses only
// the course's facts: the control plane's fee, and interface endpoints
// counted in endpoint-hours (billed per hour per AZ), since the course
// gives no price for those.
func labVerdict(res topology.Result, lang string) *view.LabVerdict {
	v := res.Verdict
	out := &view.LabVerdict{Checks: []view.LabCheck{
		{ID: "verdict-kubectl", Label: view.T(lang, "labKubectl"), OK: v.Kubectl},
		{ID: "verdict-nodes", Label: view.T(lang, "labNodesJoin"), OK: v.NodesCanJoin},
		{ID: "verdict-images", Label: view.T(lang, "labImagesPull"), OK: v.ImagesPull},
	}}
	for _, f := range res.Flows {
		if f.CrossesInternet {
			out.Crossing = append(out.Crossing, f.ID.Label().In(lang))
		}
		if f.PublicPath {
			out.Public = append(out.Public, f.ID.Label().In(lang))
		}
	}
	cfg := res.Config
	have := view.T(lang, "labNone")
	if len(cfg.Endpoints) > 0 {
		have = serviceNames(cfg.Endpoints)
	}
	out.Endpoints = append(out.Endpoints, view.Tf(lang, "labEndpointsHave", have))
	for _, s := range v.EndpointsNeeded {
		out.Needed = append(out.Needed, string(s))
	}
	switch {
	case cfg.Nodes.Egress() && len(v.EndpointsNeeded) == 0:
		out.Endpoints = append(out.Endpoints, view.T(lang, "labEndpointsNo"))
	case len(v.EndpointsNeeded) == 0:
		out.Endpoints = append(out.Endpoints, view.T(lang, "labEndpointsOK"))
	default:
		out.Endpoints = append(out.Endpoints, view.Tf(lang, "labEndpointsNeed", serviceNames(v.EndpointsNeeded)))
	}
	out.Cost = labCost(cfg, v.EndpointsNeeded, lang)
	return out
}

// labCost estimates the month of the configuration with the endpoints it
// still needs added.
func labCost(cfg topology.Config, needed []topology.Service, lang string) []string {
	all := map[topology.Service]bool{}
	for _, s := range append(append([]topology.Service{}, cfg.Endpoints...), needed...) {
		all[s] = true
	}
	iface, gateway := 0, false
	for s := range all {
		if s.Gateway() {
			gateway = true
		} else {
			iface++
		}
	}
	lines := []string{view.T(lang, "labCostPlane")}
	if iface == 0 {
		lines = append(lines, view.T(lang, "labCostNoIface"))
	} else {
		azs := customerAZs(cfg)
		lines = append(lines, view.Tf(lang, "labCostIface", iface, azs, iface*azs, iface*azs*hoursPerMonth))
	}
	if gateway {
		lines = append(lines, view.T(lang, "labCostGateway"))
	}
	return append(lines, view.T(lang, "labCostNote"))
}

// customerAZs is how many AZs the model's customer VPC spans: an
// interface endpoint has an ENI in each.
func customerAZs(cfg topology.Config) int {
	for _, z := range topology.Build(cfg).Zones {
		if z.ID == topology.ZoneCustomerVPC {
			return z.AZs
		}
	}
	return 1
}

func serviceNames(ss []topology.Service) string {
	names := make([]string, len(ss))
	for i, s := range ss {
		names[i] = string(s)
	}
	return strings.Join(names, ", ")
}
