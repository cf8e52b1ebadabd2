package iac

import (
	"strconv"
	"strings"

	"github.com/ekstutor/ekstutor/internal/topology"
)

// importEksctl reads an eksctl ClusterConfig: vpc.clusterEndpoints,
// vpc.publicAccessCIDRs, and the nodes' placement from the node groups'
// privateNetworking (eksctl's default: false, public subnets) and
// vpc.nat.gateway (Disable: no route out).
func importEksctl(root *node) (Result, error) {
	r := newReading(Eksctl)
	var gateway, private *node
	for i, key := range root.keys {
		v := root.vals[i]
		switch key {
		case "apiVersion", "kind":
		case "privateCluster":
			private = v
		case "vpc":
			g, err := r.eksctlVPC(v)
			if err != nil {
				return Result{}, err
			}
			gateway = g
		case "nodeGroups", "managedNodeGroups":
			if err := r.eksctlGroups(key, v); err != nil {
				return Result{}, err
			}
		default:
			r.ignoreChildren(key, v)
		}
	}
	if private != nil {
		done, err := r.eksctlPrivateCluster(private, root)
		if err != nil || done {
			if err != nil {
				return Result{}, err
			}
			return r.result()
		}
	}
	if placement, ok := r.vals["nodes"]; ok && placement == "private" {
		nodes := topology.NodesPrivateNAT
		if gateway != nil {
			g, err := r.stringAt(gateway, where{gateway.line, "vpc.nat.gateway"})
			if err != nil {
				return Result{}, err
			}
			switch g {
			case "Disable":
				nodes = topology.NodesPrivateIsolated
			case "Single", "HighlyAvailable":
			default:
				return Result{}, r.fail(CodeBadValue, where{gateway.line, "vpc.nat.gateway"}, g, "Disable, Single, HighlyAvailable")
			}
		}
		r.vals["nodes"] = string(nodes)
	} else if gateway != nil {
		// No node group in private subnets: the NAT gateway carries no
		// node traffic the lab models.
		r.ignore("vpc.nat.gateway")
	}
	return r.result()
}

// ignoreChildren ignores a mapping's keys one level down (metadata.name,
// metadata.region), or the key itself.
func (r *reading) ignoreChildren(key string, v *node) {
	if v.kind == mapNode && len(v.keys) > 0 {
		for _, k := range v.keys {
			r.ignore(key + "." + k)
		}
		return
	}
	r.ignore(key)
}

// eksctlVPC reads vpc: and returns vpc.nat.gateway, which only means
// something once the node groups are known.
func (r *reading) eksctlVPC(vpc *node) (*node, error) {
	if vpc.kind != mapNode {
		return nil, r.fail(CodeBadType, where{vpc.line, "vpc"}, show(vpc), WantMapping)
	}
	var gateway *node
	for i, key := range vpc.keys {
		v := vpc.vals[i]
		w := where{v.line, "vpc." + key}
		switch key {
		case "clusterEndpoints":
			if v.kind != mapNode {
				return nil, r.fail(CodeBadType, w, show(v), WantMapping)
			}
			if err := r.vpcConfig(v, "vpc.clusterEndpoints.", vpcKeys{"publicAccess", "privateAccess", ""}); err != nil {
				return nil, err
			}
		case "publicAccessCIDRs":
			list, err := r.stringsAt(v, w)
			if err != nil {
				return nil, err
			}
			r.cidrs, r.cidrsAt = list, w
		case "nat":
			for j, k := range v.keys {
				if k == "gateway" {
					gateway = v.vals[j]
				} else {
					r.ignore("vpc.nat." + k)
				}
			}
		default:
			r.ignore("vpc." + key)
		}
	}
	return gateway, nil
}

// eksctlGroups reads privateNetworking from every node group; the lab
// has one placement for all nodes, so groups that differ conflict.
func (r *reading) eksctlGroups(key string, groups *node) error {
	if groups.kind != listNode {
		return r.fail(CodeBadType, where{groups.line, key}, show(groups), WantList)
	}
	for i, g := range groups.items {
		path := key + "[" + strconv.Itoa(i) + "]"
		if g.kind != mapNode {
			return r.fail(CodeBadType, where{g.line, path}, show(g), WantMapping)
		}
		private, w := false, where{g.line, path + ".privateNetworking"}
		for j, k := range g.keys {
			if k != "privateNetworking" {
				r.ignore(key + "[]." + k)
				continue
			}
			v := g.vals[j]
			w.line = v.line
			b, err := r.boolAt(v, w)
			if err != nil {
				return err
			}
			private = b
		}
		// Recorded as public or private here; vpc.nat.gateway refines
		// private once everything is read.
		placement := "public"
		if private {
			placement = "private"
		}
		if err := r.set("nodes", placement, w); err != nil {
			return err
		}
	}
	return nil
}

// eksctlPrivateCluster reads privateCluster, eksctl's fully private
// cluster: private endpoint access only, nodes in private subnets with
// no outbound internet access, and the VPC endpoints eksctl creates for
// them (the eksctl user guide: ecr.api, ecr.dkr, s3, ec2, sts, logs with
// CloudWatch logging on, and additionalEndpointServices) unless
// skipEndpointCreation says it creates none. It reports whether the
// cluster is fully private, in which case these settings replace what
// vpc.clusterEndpoints and the node groups said.
func (r *reading) eksctlPrivateCluster(pc *node, root *node) (bool, error) {
	if pc.kind != mapNode {
		return false, r.fail(CodeBadType, where{pc.line, "privateCluster"}, show(pc), WantMapping)
	}
	enabled, skip := false, false
	var extra []string
	at := where{pc.line, "privateCluster.enabled"}
	for i, k := range pc.keys {
		v := pc.vals[i]
		w := where{v.line, "privateCluster." + k}
		var err error
		switch k {
		case "enabled":
			enabled, err = r.boolAt(v, w)
			at = w
		case "skipEndpointCreation":
			skip, err = r.boolAt(v, w)
		case "additionalEndpointServices":
			extra, err = r.stringsAt(v, w)
		default:
			r.ignore("privateCluster." + k)
		}
		if err != nil {
			return false, err
		}
	}
	if !enabled {
		return false, nil
	}
	r.vals["public"], r.vals["private"], r.vals["nodes"] = "false", "true", string(topology.NodesPrivateIsolated)
	r.at["public"], r.at["private"], r.at["nodes"] = at, at, at
	if skip {
		return true, nil
	}
	services := names(topology.SvcECRAPI, topology.SvcECRDKR, topology.SvcS3, topology.SvcEC2, topology.SvcSTS)
	if types := root.get("cloudWatch").get("clusterLogging").get("enableTypes"); types != nil && len(types.items) > 0 {
		services = append(services, string(topology.SvcLogs))
	}
	for _, s := range extra {
		if _, err := topology.ParseService(s); err == nil {
			services = append(services, s)
		} else {
			r.ignore("privateCluster.additionalEndpointServices." + s)
		}
	}
	r.vals["endpoints"] = strings.Join(services, ",")
	r.at["endpoints"] = at
	return true, nil
}

func names(ss ...topology.Service) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = string(s)
	}
	return out
}
