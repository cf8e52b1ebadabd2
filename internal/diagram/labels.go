package diagram

import "github.com/ekstutor/ekstutor/internal/topology"

// T is a shorthand for a label in both languages.
type T = topology.Text

// Labels the model does not carry: captions of the drawing's own groups,
// sublabels and tags. Names of the vocabulary (modes, flows, views,
// networks, subnet kinds) and of components and zones come from topology;
// this file defines none of them. Korean follows the curriculum's terms;
// AWS names stay English.
var (
	lblConnected      = T{EN: "Connected network (VPN / DX / peering)", KO: "연결된 네트워크(VPN / DX / 피어링)"}
	lblRegion         = T{EN: "AWS Cloud · Region", KO: "AWS 클라우드 · 리전"}
	lblAWSVPC         = T{EN: "AWS-managed VPC — EKS control plane (AWS account)", KO: "AWS 관리형 VPC — EKS 컨트롤 플레인(AWS 계정)"}
	lblCustVPC        = T{EN: "Customer VPC (your account)", KO: "사용자 VPC(사용자 계정)"}
	lblAZ             = T{EN: "AZ", KO: "가용 영역"}
	lblDNSQ           = T{EN: "DNS?", KO: "DNS?"}
	lblPublicIP       = T{EN: "public IP", KO: "퍼블릭 IP"}
	lblPrivateIP      = T{EN: "private IP", KO: "프라이빗 IP"}
	lblDNSLookup      = T{EN: "DNS lookup", KO: "DNS 조회"}
	lblNoAnswer       = T{EN: "no answer", KO: "응답 없음"}
	lblBlocked        = T{EN: "blocked", KO: "차단됨"}
	lblPacketHop      = T{EN: "HTTPS 443", KO: "HTTPS 443"}
	lblClientLB       = T{EN: "client-side LB", KO: "클라이언트 측 LB"}
	lblEndpointName   = T{EN: "cluster endpoint: a DNS name", KO: "클러스터 엔드포인트: DNS 이름"}
	lblAWSRuns        = T{EN: "AWS runs, patches and scales it", KO: "AWS가 운영·패치·확장"}
	lblYouRun         = T{EN: "you run it: subnets, routes, nodes", KO: "사용자가 운영: 서브넷, 라우팅, 노드"}
	lblAWSManagedHalf = T{EN: "AWS-managed", KO: "AWS 관리형"}
	lblCustHalf       = T{EN: "Customer-managed", KO: "사용자 관리형"}
	lblControlPlane   = T{EN: "Control plane", KO: "컨트롤 플레인"}
	lblDataPlane      = T{EN: "Data plane", KO: "데이터 플레인"}
)
