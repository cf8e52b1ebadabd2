package topology

// Code is a stable explanation code for why a flow is blocked, like the
// explanation codes of a network reachability analysis: upper snake case,
// never renamed (the lab, the API and the OpenAPI document list them),
// each with a description in both languages.
type Code string

// The explanation codes, in the order the endpoint chapter meets them.
const (
	// CodePrivateEndpointFromInternet: a client on the internet got the
	// private IPs (public access off) and has no route to them.
	CodePrivateEndpointFromInternet Code = "PRIVATE_ENDPOINT_FROM_INTERNET"
	// CodeCIDRClientNotAllowed: kubectl's public address is not in the
	// public access CIDRs.
	CodeCIDRClientNotAllowed Code = "CIDR_CLIENT_NOT_ALLOWED"
	// CodeCIDRNodesNotAllowed: the nodes' outbound address (NAT gateway
	// or public IP) is not in the public access CIDRs.
	CodeCIDRNodesNotAllowed Code = "CIDR_NODES_NOT_ALLOWED"
	// CodeNodesNoInternetRoute: nodes without a route to the internet and
	// only a public endpoint to reach.
	CodeNodesNoInternetRoute Code = "NODES_NO_INTERNET_ROUTE"
	// CodeEndpointMissing: nodes without a route to the internet need a
	// VPC endpoint for an AWS service and the VPC has none.
	CodeEndpointMissing Code = "ENDPOINT_MISSING"
	// CodeVPCDNSResolutionOff: enableDnsSupport is off, so the VPC
	// resolver does not answer.
	CodeVPCDNSResolutionOff Code = "VPC_DNS_RESOLUTION_OFF"
	// CodeVPCDNSHostnamesOff: enableDnsHostnames is off: nodes can't
	// register, and private DNS names (the private endpoint's hosted zone,
	// interface endpoints) do not answer.
	CodeVPCDNSHostnamesOff Code = "VPC_DNS_HOSTNAMES_OFF"
	// CodeSG443Closed: the cluster security group does not allow 443 from
	// kubectl's network, so the private path stops at the EKS-owned ENI.
	CodeSG443Closed Code = "SG_443_CLOSED"
	// CodeNoRoute: no path in the configuration, for any case the codes
	// above do not name.
	CodeNoRoute Code = "NO_ROUTE"
)

// Codes lists every explanation code.
func Codes() []Code {
	return []Code{
		CodePrivateEndpointFromInternet, CodeCIDRClientNotAllowed, CodeCIDRNodesNotAllowed,
		CodeNodesNoInternetRoute, CodeEndpointMissing, CodeVPCDNSResolutionOff,
		CodeVPCDNSHostnamesOff, CodeSG443Closed, CodeNoRoute,
	}
}

// ParseCode reads an explanation code; a refusal is a *FieldError for
// "code".
func ParseCode(s string) (Code, error) { return parse(s, "code", "an explanation code", Codes()) }

// Label is the code's short name.
func (c Code) Label() Text {
	switch c {
	case CodePrivateEndpointFromInternet:
		return Text{EN: "Private endpoint out of reach from the internet", KO: "인터넷에서 닿지 않는 프라이빗 엔드포인트"}
	case CodeCIDRClientNotAllowed:
		return Text{EN: "Client not in the public access CIDRs", KO: "퍼블릭 액세스 CIDR에 없는 클라이언트"}
	case CodeCIDRNodesNotAllowed:
		return Text{EN: "Nodes not in the public access CIDRs", KO: "퍼블릭 액세스 CIDR에 없는 노드"}
	case CodeNodesNoInternetRoute:
		return Text{EN: "Nodes without internet access, public endpoint only", KO: "인터넷 경로 없는 노드와 퍼블릭 전용 엔드포인트"}
	case CodeEndpointMissing:
		return Text{EN: "VPC endpoint missing", KO: "VPC 엔드포인트 없음"}
	case CodeVPCDNSResolutionOff:
		return Text{EN: "VPC DNS resolution off", KO: "VPC DNS 확인 꺼짐"}
	case CodeVPCDNSHostnamesOff:
		return Text{EN: "VPC DNS hostnames off", KO: "VPC DNS 호스트 이름 꺼짐"}
	case CodeSG443Closed:
		return Text{EN: "Cluster security group closed on 443", KO: "443이 닫힌 클러스터 보안 그룹"}
	case CodeNoRoute:
		return Text{EN: "No route", KO: "경로 없음"}
	}
	return raw(c)
}

// Describe says what the code means and when it applies, for the
// documentation of the API and the lab's glossary of codes.
func (c Code) Describe() Text {
	switch c {
	case CodePrivateEndpointFromInternet:
		return Text{
			EN: "Public access is off, so even public DNS answers with the EKS-owned ENIs' private IPs, which are reachable only from the VPC or a network connected to it; a client on the internet has no route to them.",
			KO: "퍼블릭 액세스가 꺼져 있어 퍼블릭 DNS도 EKS 소유 ENI의 프라이빗 IP로 응답하는데, 이 주소에는 VPC나 VPC에 연결된 네트워크에서만 닿을 수 있으므로 인터넷의 클라이언트에게는 경로가 없습니다.",
		}
	case CodeCIDRClientNotAllowed:
		return Text{
			EN: "kubectl reaches the NLB's public address from an address that none of the public access CIDRs contains, so the public endpoint refuses it.",
			KO: "kubectl이 퍼블릭 액세스 CIDR 어디에도 속하지 않는 주소에서 NLB의 퍼블릭 주소에 닿으므로 퍼블릭 엔드포인트가 연결을 거부합니다.",
		}
	case CodeCIDRNodesNotAllowed:
		return Text{
			EN: "With public access only, node traffic takes the public path and arrives from the NAT gateway's Elastic IP (or the nodes' public IPs); if no public access CIDR contains it, the nodes cannot register.",
			KO: "퍼블릭 액세스만 켜져 있으면 노드 트래픽은 퍼블릭 경로로 NAT 게이트웨이의 탄력적 IP(또는 노드의 퍼블릭 IP)에서 오는데, 이 주소가 퍼블릭 액세스 CIDR에 없으면 노드가 등록되지 않습니다.",
		}
	case CodeNodesNoInternetRoute:
		return Text{
			EN: "The nodes have no route to the internet and private access is off, so the only address the endpoint resolves to is public and out of their reach: a cluster whose nodes have no outbound internet access must have private access on.",
			KO: "노드에 인터넷 경로가 없는데 프라이빗 액세스가 꺼져 있어 엔드포인트가 닿을 수 없는 퍼블릭 주소로만 조회됩니다. 노드에 아웃바운드 인터넷 경로가 없는 클러스터는 프라이빗 액세스를 켜야 합니다.",
		}
	case CodeEndpointMissing:
		return Text{
			EN: "Nodes without a route to the internet reach AWS services only through VPC endpoints: ecr.api and ecr.dkr (interface) and s3 (gateway) to pull images, ec2 for the EKS-optimised AMI to name the node and for the VPC CNI to assign pod IPs.",
			KO: "인터넷 경로가 없는 노드는 VPC 엔드포인트로만 AWS 서비스에 닿습니다. 이미지를 받으려면 ecr.api와 ecr.dkr(인터페이스), s3(게이트웨이)가, EKS 최적화 AMI가 노드 이름을 정하고 VPC CNI가 파드 IP를 할당하려면 ec2가 필요합니다.",
		}
	case CodeVPCDNSResolutionOff:
		return Text{
			EN: "The VPC attribute enableDnsSupport is off, so the VPC resolver (AmazonProvidedDNS) does not answer: nothing that asks it learns an address. EKS requires DNS resolution and DNS hostnames on every cluster VPC.",
			KO: "VPC 속성 enableDnsSupport가 꺼져 있어 VPC DNS 리졸버(AmazonProvidedDNS)가 응답하지 않으므로, 리졸버에 묻는 쪽은 주소를 알아낼 수 없습니다. EKS는 모든 클러스터 VPC에 DNS 확인과 DNS 호스트 이름이 켜져 있어야 합니다.",
		}
	case CodeVPCDNSHostnamesOff:
		return Text{
			EN: "The VPC attribute enableDnsHostnames is off: AWS's VPC requirements for EKS say nodes can't register without it, and private DNS names (the private endpoint's hosted zone, interface endpoints) answer only while both DNS attributes are on.",
			KO: "VPC 속성 enableDnsHostnames가 꺼져 있습니다. AWS의 EKS VPC 요구 사항에 따르면 이 속성 없이는 노드가 등록되지 않으며, 프라이빗 DNS 이름(프라이빗 엔드포인트의 호스팅 영역, 인터페이스 엔드포인트)은 두 DNS 속성이 모두 켜져 있을 때만 응답합니다.",
		}
	case CodeSG443Closed:
		return Text{
			EN: "kubectl takes the private path, but the cluster security group on the EKS-owned ENIs does not allow port 443 from kubectl's network, so the connection stops at the ENI.",
			KO: "kubectl이 프라이빗 경로로 가지만 EKS 소유 ENI의 클러스터 보안 그룹이 kubectl 쪽 네트워크에서 오는 443 포트를 허용하지 않아 연결이 ENI에서 멈춥니다.",
		}
	case CodeNoRoute:
		return Text{
			EN: "The configuration has no link for this part of the path.",
			KO: "이 구성에는 경로의 이 부분을 잇는 링크가 없습니다.",
		}
	}
	return raw(c)
}
