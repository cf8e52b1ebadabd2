package iac

// importDescribe reads the answer of aws eks describe-cluster: the
// "cluster" object, or the object itself (--query cluster), whose
// resourcesVpcConfig holds the endpoint settings.
func importDescribe(root *node) (Result, error) {
	r := newReading(AWSCLI)
	cluster, prefix := root, ""
	if c := root.get("cluster"); c != nil {
		for _, k := range root.keys {
			if k != "cluster" {
				r.ignore(k)
			}
		}
		cluster, prefix = c, "cluster."
	}
	if cluster.kind != mapNode {
		return Result{}, r.fail(CodeBadType, where{cluster.line, "cluster"}, show(cluster), WantMapping)
	}
	vpc := cluster.get("resourcesVpcConfig")
	if vpc == nil {
		return Result{}, &Error{Code: CodeNoCluster, Format: AWSCLI, Line: cluster.line, Path: prefix + "resourcesVpcConfig"}
	}
	for _, k := range cluster.keys {
		if k != "resourcesVpcConfig" {
			r.ignore(prefix + k)
		}
	}
	if vpc.kind != mapNode {
		return Result{}, r.fail(CodeBadType, where{vpc.line, prefix + "resourcesVpcConfig"}, show(vpc), WantMapping)
	}
	if err := r.vpcConfig(vpc, prefix+"resourcesVpcConfig.", vpcKeys{"endpointPublicAccess", "endpointPrivateAccess", "publicAccessCidrs"}); err != nil {
		return Result{}, err
	}
	return r.result()
}

// vpcKeys are one format's spelling of the three endpoint settings.
type vpcKeys struct{ public, private, cidrs string }

// vpcConfig reads the endpoint settings from a mapping and ignores its
// other keys.
func (r *reading) vpcConfig(m *node, prefix string, k vpcKeys) error {
	for i, key := range m.keys {
		v := m.vals[i]
		w := where{v.line, prefix + key}
		switch key {
		case k.public, k.private:
			b, err := r.boolAt(v, w)
			if err != nil {
				return err
			}
			name := "public"
			if key == k.private {
				name = "private"
			}
			if err := r.setBool(name, b, w); err != nil {
				return err
			}
		case k.cidrs:
			list, err := r.stringsAt(v, w)
			if err != nil {
				return err
			}
			r.cidrs, r.cidrsAt = list, w
		default:
			r.ignore(prefix + key)
		}
	}
	return nil
}
