package iac

import (
	"strings"
)

// importCloudFormation reads a template: the one AWS::EKS::Cluster's
// ResourcesVpcConfig, an AWS::EC2::VPC's DNS attributes (absent ones
// have CloudFormation's defaults: support on, hostnames off), and each
// AWS::EC2::VPCEndpoint's service.
func importCloudFormation(root *node) (Result, error) {
	r := newReading(CloudFormation)
	resources := root.get("Resources")
	for _, k := range root.keys {
		if k != "Resources" && k != "AWSTemplateFormatVersion" {
			r.ignore(k)
		}
	}
	if resources == nil || resources.kind != mapNode {
		return Result{}, &Error{Code: CodeNoCluster, Format: CloudFormation, Line: root.line, Path: "Resources"}
	}
	var cluster string
	var endpoints []string
	for i, id := range resources.keys {
		res := resources.vals[i]
		path := "Resources." + id
		typ := res.get("Type")
		props := res.get("Properties")
		if props != nil && props.kind != mapNode {
			return Result{}, r.fail(CodeBadType, where{props.line, path + ".Properties"}, show(props), WantMapping)
		}
		t := ""
		if typ != nil {
			t = typ.value
		}
		var err error
		switch t {
		case "AWS::EKS::Cluster":
			if cluster != "" {
				return Result{}, &Error{Code: CodeManyClusters, Format: CloudFormation, Line: res.line, Path: path, Value: id, Other: cluster}
			}
			cluster = id
			err = r.cfnCluster(props, path+".Properties.")
		case "AWS::EC2::VPC":
			err = r.cfnVPC(props, path+".Properties.", res.line)
		case "AWS::EC2::VPCEndpoint":
			var svc string
			svc, err = r.cfnEndpoint(props, path)
			if svc != "" {
				endpoints = append(endpoints, svc)
			}
		default:
			r.ignore(path)
		}
		if err != nil {
			return Result{}, err
		}
	}
	if cluster == "" {
		return Result{}, &Error{Code: CodeNoCluster, Format: CloudFormation, Line: resources.line, Path: "Resources"}
	}
	if len(endpoints) > 0 {
		r.vals["endpoints"] = strings.Join(endpoints, ",")
		r.at["endpoints"] = where{resources.line, "Resources"}
	}
	return r.result()
}

func (r *reading) cfnCluster(props *node, prefix string) error {
	if props == nil {
		return nil
	}
	for i, k := range props.keys {
		v := props.vals[i]
		if k != "ResourcesVpcConfig" {
			r.ignore(prefix + k)
			continue
		}
		if v.kind != mapNode {
			return r.fail(CodeBadType, where{v.line, prefix + k}, show(v), WantMapping)
		}
		if err := r.vpcConfig(v, prefix+k+".", vpcKeys{"EndpointPublicAccess", "EndpointPrivateAccess", "PublicAccessCidrs"}); err != nil {
			return err
		}
	}
	return nil
}

func (r *reading) cfnVPC(props *node, prefix string, line int) error {
	support, hostnames := true, false // CloudFormation's defaults
	supportAt, hostnamesAt := where{line, prefix + "EnableDnsSupport"}, where{line, prefix + "EnableDnsHostnames"}
	if props != nil {
		for i, k := range props.keys {
			v := props.vals[i]
			w := where{v.line, prefix + k}
			var err error
			switch k {
			case "EnableDnsSupport":
				support, err = r.boolAt(v, w)
				supportAt = w
			case "EnableDnsHostnames":
				hostnames, err = r.boolAt(v, w)
				hostnamesAt = w
			default:
				r.ignore(prefix + k)
			}
			if err != nil {
				return err
			}
		}
	}
	if err := r.setBool("dns_support", support, supportAt); err != nil {
		return err
	}
	return r.setBool("dns_hostnames", hostnames, hostnamesAt)
}

// cfnEndpoint reads an endpoint's service from ServiceName: a string,
// !Sub "com.amazonaws.${AWS::Region}.ecr.api", or the Fn::Join of the
// AWS documentation's examples. A service the lab does not model is
// ignored.
func (r *reading) cfnEndpoint(props *node, path string) (string, error) {
	name := props.get("ServiceName")
	if name == nil {
		r.ignore(path)
		return "", nil
	}
	w := where{name.line, path + ".Properties.ServiceName"}
	for _, k := range props.keys {
		if k != "ServiceName" {
			r.ignore(path + ".Properties." + k)
		}
	}
	text, afterRegion := "", false
	fn, isFn := name.intrinsic()
	switch {
	case !isFn:
		s, err := r.stringAt(name, w)
		if err != nil {
			return "", err
		}
		text = s
	case fn == "Fn::Sub" && name.vals[0].kind == scalarNode:
		s := name.vals[0].value
		i := strings.LastIndex(s, "}")
		text, afterRegion = s[i+1:], i >= 0
	case fn == "Fn::Join" && name.vals[0].kind == listNode && len(name.vals[0].items) == 2:
		parts := name.vals[0].items[1]
		if parts.kind == listNode && len(parts.items) > 0 {
			last := parts.items[len(parts.items)-1]
			if last.kind == scalarNode {
				text, afterRegion = last.value, len(parts.items) > 1
			}
		}
	default:
		return "", r.fail(CodeNotLiteral, w, fn, WantLiteral)
	}
	svc, ok := serviceFromName(text, afterRegion)
	if !ok {
		r.ignore(path)
		return "", nil
	}
	return string(svc), nil
}
