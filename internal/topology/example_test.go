package topology_test

import (
	"fmt"

	"github.com/ekstutor/ekstutor/internal/topology"
)

// In public mode a node's call to the API server resolves to public IPs
// and leaves the VPC through the NAT gateway and the internet gateway: the
// public path, on Amazon's network, not across the internet.
func ExampleResolve() {
	cfg, _ := topology.ConfigFor(topology.ModePublic)
	res, err := topology.Resolve(cfg)
	if err != nil {
		fmt.Println(err)
		return
	}
	flow, _ := res.Flow(topology.FlowKubeletToAPIServer)
	for i, s := range flow.Steps {
		line := fmt.Sprintf("%d. %s %s -> %s over %s", i+1, s.Kind, s.From, s.To, s.Network)
		if s.Kind == topology.StepDNS {
			line += ", answer " + string(s.Answer)
		}
		fmt.Println(line)
	}
	fmt.Println("crosses internet:", flow.CrossesInternet)
	fmt.Println("public path:", flow.PublicPath)
	// Output:
	// 1. dns kubelet -> vpc-dns over vpc, answer public
	// 2. hop kubelet -> nat-gateway over vpc
	// 3. hop nat-gateway -> igw over vpc
	// 4. hop igw -> nlb over aws-public
	// 5. hop nlb -> api-server over aws
	// crosses internet: false
	// public path: true
}
