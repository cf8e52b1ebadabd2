package params

import "github.com/ekstutor/ekstutor/internal/topology"

// Preset is a named configuration of the lab: one of the pitfalls of the
// endpoint chapter, or a mode set up the way the chapter teaches it.
type Preset struct {
	ID    string        // stable, for links and tests
	Label topology.Text // the link text
	Note  topology.Text // one sentence: what the learner will see
	Query string        // the configuration, in canonical form (EncodeConfig)
}

// Config decodes the preset's query.
func (p Preset) Config() (topology.Config, error) { return DecodeConfig(p.Query) }

// Presets lists the lab's presets in teaching order. Each query is
// canonical: DecodeConfig then EncodeConfig gives it back (a test says
// so), so a preset link and the lab URL it opens are the same address.
func Presets() []Preset {
	return []Preset{
		{
			ID: "eks-default", Query: "",
			Label: text{EN: "The EKS default", KO: "EKS 기본값"},
			Note: text{
				EN: "Public access only, open to 0.0.0.0/0: the nodes take the public path through the NAT gateway, on Amazon's network.",
				KO: "퍼블릭 액세스만 켜져 있고 0.0.0.0/0에 열려 있습니다. 노드는 NAT 게이트웨이를 거쳐 Amazon 네트워크 안의 퍼블릭 경로로 갑니다.",
			},
		},
		{
			ID: "public-and-private", Query: "private=true",
			Label: text{EN: "Public and private", KO: "퍼블릭 및 프라이빗"},
			Note: text{
				EN: "The nodes' traffic stays inside the VPC; the admin still comes in over the internet.",
				KO: "노드의 트래픽은 VPC 안에 머물고, 관리자는 여전히 인터넷으로 들어옵니다.",
			},
		},
		{
			ID: "private-bastion", Query: "public=false&private=true",
			Label: text{EN: "Private, with a bastion host", KO: "프라이빗, 배스천 호스트 사용"},
			Note: text{
				EN: "Nothing crosses the internet: kubectl runs on a bastion host inside the VPC.",
				KO: "인터넷을 건너는 것이 없습니다. kubectl은 VPC 안의 배스천 호스트에서 실행합니다.",
			},
		},
		{
			ID: "locked-out-nodes", Query: "cidrs=203.0.113.10/32",
			Label: text{EN: "Locked-out nodes", KO: "잠긴 노드"},
			Note: text{
				EN: "Public access only, and the CIDRs allow the admin's address but not the NAT gateway's: the nodes cannot register.",
				KO: "퍼블릭 액세스만 켜져 있고, CIDR이 관리자 주소는 허용하지만 NAT 게이트웨이 주소는 허용하지 않아 노드가 등록되지 않습니다.",
			},
		},
		{
			ID: "isolated-no-endpoints", Query: "public=false&private=true&nodes=private-isolated",
			Label: text{EN: "Isolated nodes without endpoints", KO: "엔드포인트 없는 격리된 노드"},
			Note: text{
				EN: "The nodes have no route out and no VPC endpoints: they reach the API server but not ECR, S3 or the EC2 API.",
				KO: "노드에 밖으로 나가는 경로도 VPC 엔드포인트도 없어, API 서버에는 닿지만 ECR, S3, EC2 API에는 닿지 못합니다.",
			},
		},
		{
			ID: "private-admin-internet", Query: "public=false&private=true&client=internet",
			Label: text{EN: "Private cluster, admin on the internet", KO: "프라이빗 클러스터, 인터넷의 관리자"},
			Note: text{
				EN: "Public access was turned off before a bastion or VPN was ready: the admin's laptop is locked out.",
				KO: "배스천이나 VPN을 준비하기 전에 퍼블릭 액세스를 꺼서 관리자 노트북이 잠겼습니다.",
			},
		},
		{
			ID: "onprem-no-dns-forwarding", Query: "private=true&cidrs=203.0.113.10/32&client=connected&client_ip=192.0.2.44",
			Label: text{EN: "On premises without DNS forwarding", KO: "DNS 포워딩 없는 온프레미스"},
			Note: text{
				EN: "The office is connected by VPN but uses its own DNS: it gets the public answer, takes the public path, and its address is not in the CIDRs.",
				KO: "사무실이 VPN으로 연결되어 있지만 자체 DNS를 써서 퍼블릭 응답을 받고, 퍼블릭 경로로 가며, 그 주소는 CIDR에 없습니다.",
			},
		},
	}
}
