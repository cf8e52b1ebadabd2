package iac

// Format is one of the texts the lab exports and imports. Its value is
// the {format} of /api/v1/export/{format}.
type Format string

// The formats, by their address names.
const (
	Eksctl         Format = "eksctl"
	AWSCLI         Format = "aws-cli"
	Terraform      Format = "terraform"
	CloudFormation Format = "cloudformation"
)

// Formats lists the formats in display order.
func Formats() []Format { return []Format{Eksctl, AWSCLI, Terraform, CloudFormation} }

// ParseFormat reads a format's address name.
func ParseFormat(s string) (Format, bool) {
	for _, f := range Formats() {
		if string(f) == s {
			return f, true
		}
	}
	return "", false
}

// MaxPasteBytes bounds a paste: a describe-cluster answer is a few KiB,
// a large Terraform file a few tens; past this it is not a cluster.
const MaxPasteBytes = 256 << 10

// Placeholders every export uses for what the lab does not model: the
// spellings of the AWS documentation's own examples.
const (
	clusterName = "my-cluster"
	regionCode  = "region-code"
	vpcID       = "vpc-0123456789abcdef0"
)
