package diagram

import "github.com/ekstutor/ekstutor/internal/topology"

// T is a shorthand for a label in both languages.
type T = topology.Text

// Labels the model does not carry: group captions, sublabels, legend and
// view notes. Korean follows the curriculum's terms; AWS names stay English.
var (
	lblConnected      = T{EN: "Connected network (VPN / DX / peering)", KO: "연결된 네트워크 (VPN / DX / 피어링)"}
	lblRegion         = T{EN: "AWS Cloud · Region", KO: "AWS 클라우드 · 리전"}
	lblAWSVPC         = T{EN: "AWS-managed VPC — EKS control plane (AWS account)", KO: "AWS 관리형 VPC — EKS 컨트롤 플레인 (AWS 계정)"}
	lblCustVPC        = T{EN: "Customer VPC (your account)", KO: "고객 VPC (내 계정)"}
	lblPublicSubnet   = T{EN: "Public subnet", KO: "퍼블릭 서브넷"}
	lblPrivateSubnet  = T{EN: "Private subnet", KO: "프라이빗 서브넷"}
	lblAZ             = T{EN: "AZ", KO: "가용 영역"}
	lblDNSQ           = T{EN: "DNS?", KO: "DNS?"}
	lblPublicIP       = T{EN: "public IP", KO: "퍼블릭 IP"}
	lblPrivateIP      = T{EN: "private IP", KO: "프라이빗 IP"}
	lblDNSLookup      = T{EN: "DNS lookup", KO: "DNS 조회"}
	lblBlocked        = T{EN: "blocked", KO: "차단됨"}
	lblPacketHop      = T{EN: "HTTPS 443", KO: "HTTPS 443"}
	lblClientLB       = T{EN: "client-side LB", KO: "클라이언트 측 LB"}
	lblEndpointName   = T{EN: "cluster endpoint: a DNS name", KO: "클러스터 엔드포인트: DNS 이름"}
	lblAWSRuns        = T{EN: "AWS runs, patches and scales it", KO: "AWS가 운영·패치·확장"}
	lblYouRun         = T{EN: "you run it: subnets, routes, nodes", KO: "사용자가 운영: 서브넷, 라우팅, 노드"}
	lblAWSManagedHalf = T{EN: "AWS-managed", KO: "AWS 관리형"}
	lblCustHalf       = T{EN: "Customer-managed", KO: "고객 관리형"}
	lblControlPlane   = T{EN: "Control plane", KO: "컨트롤 플레인"}
	lblDataPlane      = T{EN: "Data plane", KO: "데이터 플레인"}
)

// netLabel names a network in the legend and in the text equivalent.
func netLabel(n topology.Network) T {
	switch n {
	case topology.NetInternet:
		return T{EN: "Internet", KO: "인터넷"}
	case topology.NetAWS:
		return T{EN: "AWS network", KO: "AWS 네트워크"}
	case topology.NetVPC:
		return T{EN: "Inside the VPC", KO: "VPC 내부"}
	case topology.NetConnected:
		return T{EN: "Connected network", KO: "연결된 네트워크"}
	}
	return T{EN: string(n), KO: string(n)}
}

// viewTitle is the visible and accessible title of a view.
func viewTitle(v View) T {
	switch v {
	case ViewOverview:
		return T{EN: "Amazon EKS overview: what AWS runs, what you run", KO: "Amazon EKS 개요: AWS가 운영하는 것과 사용자가 운영하는 것"}
	case ViewControlPlane:
		return T{EN: "EKS control plane across three availability zones", KO: "세 가용 영역에 걸친 EKS 컨트롤 플레인"}
	case ViewDataPlane:
		return T{EN: "EKS data plane: worker nodes and pods in your VPC", KO: "EKS 데이터 플레인: 고객 VPC의 워커 노드와 파드"}
	}
	return T{EN: "Cluster endpoint access", KO: "클러스터 엔드포인트 액세스"}
}

// modeLabel names an endpoint access mode.
func modeLabel(m topology.Mode) T {
	switch m {
	case topology.ModePublic:
		return T{EN: "Public", KO: "퍼블릭"}
	case topology.ModePublicPrivate:
		return T{EN: "Public and private", KO: "퍼블릭 + 프라이빗"}
	case topology.ModePrivate:
		return T{EN: "Private", KO: "프라이빗"}
	}
	return T{EN: string(m), KO: string(m)}
}

// flowLabel names a flow.
func flowLabel(f topology.FlowID) T {
	switch f {
	case topology.FlowKubectlToAPIServer:
		return T{EN: "kubectl → API server", KO: "kubectl → API 서버"}
	case topology.FlowAPIServerToKubelet:
		return T{EN: "API server → kubelet", KO: "API 서버 → kubelet"}
	case topology.FlowKubeletToAPIServer:
		return T{EN: "kubelet → API server", KO: "kubelet → API 서버"}
	}
	return T{EN: string(f), KO: string(f)}
}

// fallbackName names a component when the model leaves its name empty.
func fallbackName(id topology.ComponentID) T {
	names := map[topology.ComponentID]T{
		topology.Kubectl:    {EN: "kubectl", KO: "kubectl"},
		topology.PublicDNS:  {EN: "Public DNS", KO: "퍼블릭 DNS"},
		topology.VPCDNS:     {EN: "VPC DNS · Route 53 private hosted zone", KO: "VPC DNS · Route 53 프라이빗 호스팅 영역"},
		topology.NLB:        {EN: "Network Load Balancer", KO: "Network Load Balancer"},
		topology.APIServer:  {EN: "API server", KO: "API 서버"},
		topology.Etcd:       {EN: "etcd", KO: "etcd"},
		topology.EKSENI:     {EN: "EKS-owned ENI", KO: "EKS 소유 ENI"},
		topology.Kubelet:    {EN: "kubelet", KO: "kubelet"},
		topology.IGW:        {EN: "Internet gateway", KO: "인터넷 게이트웨이"},
		topology.NATGateway: {EN: "NAT gateway", KO: "NAT 게이트웨이"},
	}
	if t, ok := names[id]; ok {
		return t
	}
	return T{EN: string(id), KO: string(id)}
}
