package topology

// ZoneID names a network zone. The values are stable: they appear in the
// JSON API, in diagram element IDs and in deep links.
type ZoneID string

// The zones of the model, outside to inside.
const (
	ZoneInternet    ZoneID = "internet"
	ZoneConnected   ZoneID = "connected-network" // VPN, Direct Connect or a peered VPC
	ZoneAWSManaged  ZoneID = "aws-managed-vpc"   // the control plane's VPC, in an AWS account
	ZoneCustomerVPC ZoneID = "customer-vpc"      // the user's VPC, where the nodes run
	ZoneAWSServices ZoneID = "aws-services"      // Regional AWS services on their public endpoints (ECR, S3)
)

// ComponentID names a component. The values are stable (JSON API, SVG IDs).
type ComponentID string

// The components of the model.
const (
	Kubectl    ComponentID = "kubectl"     // the admin's client; where it sits is Config.Client
	PublicDNS  ComponentID = "public-dns"  // public DNS, answering for the endpoint name
	VPCDNS     ComponentID = "vpc-dns"     // the VPC resolver (AmazonProvidedDNS) with EKS's Route 53 private hosted zone
	NLB        ComponentID = "nlb"         // the Network Load Balancer in front of the API servers
	APIServer  ComponentID = "api-server"  // one per AZ of the control plane
	Etcd       ComponentID = "etcd"        // one per AZ of the control plane
	EKSENI     ComponentID = "eks-eni"     // EKS-owned cross-account ENIs in the cluster subnets
	Kubelet    ComponentID = "kubelet"     // a worker node; one per AZ of the customer VPC
	IGW        ComponentID = "igw"         // the customer VPC's internet gateway
	NATGateway ComponentID = "nat-gateway" // in a public subnet of the customer VPC
	// InterfaceEndpoints are the customer VPC's interface VPC endpoints
	// (AWS PrivateLink ENIs with private IPs in the node subnets); which
	// services they reach is Config.Endpoints.
	InterfaceEndpoints ComponentID = "vpc-endpoints"
	S3Gateway          ComponentID = "s3-gateway"   // the S3 gateway endpoint, a route table target
	ECRAPI             ComponentID = "ecr-api"      // the Amazon ECR API (authorisation, image manifests' metadata)
	ECRRegistry        ComponentID = "ecr-registry" // the Amazon ECR Docker registry endpoint
	S3                 ComponentID = "s3"           // Amazon S3, where ECR keeps image layers
)

// Network is what a hop crosses. It decides the hop's colour and badge.
type Network string

// The networks a hop can cross. The lesson of the endpoint chapter is
// which of these a packet crosses, so the model keeps the public path on
// Amazon's network (a node's packet leaving through the internet gateway
// for the NLB's public address) apart from the public internet (an admin
// laptop reaching that address from outside AWS): the first leaves the
// VPC but not Amazon's network.
const (
	NetInternet  Network = "internet"   // the public internet
	NetAWSPublic Network = "aws-public" // public addresses on Amazon's own network: out of the VPC, not off AWS
	NetAWS       Network = "aws"        // AWS's private side: the control plane to its ENIs
	NetVPC       Network = "vpc"        // inside the customer VPC
	NetConnected Network = "connected"  // VPN, Direct Connect or peering into the VPC
)

// FlowID names one of the packet flows the resolver computes.
type FlowID string

// The flows, in the order the chapters teach them.
const (
	FlowKubectlToAPIServer FlowID = "kubectl-to-apiserver"
	FlowAPIServerToKubelet FlowID = "apiserver-to-kubelet"
	FlowKubeletToAPIServer FlowID = "kubelet-to-apiserver"
	// FlowNodeToECR is a node pulling an image: the ECR API, the
	// registry, then the layers from S3.
	FlowNodeToECR FlowID = "node-to-ecr"
)

// Flows lists every flow in teaching order.
func Flows() []FlowID {
	return []FlowID{FlowKubectlToAPIServer, FlowAPIServerToKubelet, FlowKubeletToAPIServer, FlowNodeToECR}
}

// Mode is one of the three endpoint access settings. It is a name for a
// pair of Config flags, used in URLs and chapter diagrams.
type Mode string

// The three endpoint access modes.
const (
	ModePublic        Mode = "public"
	ModePublicPrivate Mode = "public-private"
	ModePrivate       Mode = "private"
)

// Modes lists the modes in teaching order.
func Modes() []Mode { return []Mode{ModePublic, ModePublicPrivate, ModePrivate} }

// Text is a sentence a learner reads, in both of the tutor's languages.
type Text struct {
	EN string `json:"en"`
	KO string `json:"ko"`
}

// In returns the text in lang ("ko" or anything else for English).
func (t Text) In(lang string) string {
	if lang == "ko" {
		return t.KO
	}
	return t.EN
}
