package iac

import (
	"strconv"

	"github.com/ekstutor/ekstutor/internal/topology"
)

// importEksctl reads an eksctl ClusterConfig: vpc.clusterEndpoints,
// vpc.publicAccessCIDRs, and the nodes' placement from the node groups'
// privateNetworking (eksctl's default: false, public subnets) and
// vpc.nat.gateway (Disable: no route out).
func importEksctl(root *node) (Result, error) {
	r := newReading(Eksctl)
	var gateway *node
	for i, key := range root.keys {
		v := root.vals[i]
		switch key {
		case "apiVersion", "kind":
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
	if private, ok := r.vals["nodes"]; ok && private == "private" {
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
