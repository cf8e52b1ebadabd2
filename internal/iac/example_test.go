package iac_test

import (
	"fmt"

	"github.com/ekstutor/ekstutor/internal/iac"
	"github.com/ekstutor/ekstutor/internal/params"
)

// A learner's lab configuration goes out as Terraform and a real
// cluster's describe-cluster answer comes back in as a lab query.
func Example() {
	cfg, _ := params.DecodeConfig("private=true&cidrs=203.0.113.10/32")
	_ = iac.Export(iac.Terraform, cfg) // copy-ready text

	res, err := iac.Import([]byte(`{"cluster": {"name": "prod", "resourcesVpcConfig": {
		"endpointPublicAccess": true, "endpointPrivateAccess": true, "publicAccessCidrs": ["203.0.113.10/32"]}}}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Format, params.EncodeConfig(res.Config))
	fmt.Println("read:", res.Read)
	fmt.Println("ignored:", res.Ignored)
	// Output:
	// aws-cli private=true&cidrs=203.0.113.10/32
	// read: [public private cidrs]
	// ignored: [cluster.name]
}
