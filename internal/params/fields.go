package params

import (
	"strconv"

	"github.com/ekstutor/ekstutor/internal/topology"
)

type text = topology.Text

var boolAliases = map[string]string{"1": "true", "on": "true", "0": "false", "off": "false"}

// eks is the EKS default configuration: the defaults of the
// configuration fields are read from it, so they cannot drift apart.
func eks() topology.Config { return topology.DefaultConfig() }

// boolField is a true/false parameter with the given default.
func boolField(name string, def bool, label, help text) Field {
	return Field{
		Name: name, Default: strconv.FormatBool(def), Values: []string{"true", "false"}, Aliases: boolAliases,
		Label: label, Help: help,
	}
}

// The fields of the configuration query, in canonical order. Their names
// are a public contract: the lab, the API, the exporters and shared links
// use them.
var (
	fieldPublic = boolField("public", eks().PublicAccess,
		text{EN: "Public endpoint access", KO: "퍼블릭 엔드포인트 액세스"},
		text{EN: "The API server answers on a public address (EKS default: on).", KO: "API 서버가 퍼블릭 주소에서 응답합니다(EKS 기본값: 켜짐)."})
	fieldPrivate = boolField("private", eks().PrivateAccess,
		text{EN: "Private endpoint access", KO: "프라이빗 엔드포인트 액세스"},
		text{EN: "Traffic from inside the VPC reaches the API server through the EKS-owned ENIs (EKS default: off).", KO: "VPC 안의 트래픽이 EKS 소유 ENI를 거쳐 API 서버에 닿습니다(EKS 기본값: 꺼짐)."})
	fieldCIDRs = Field{
		Name: "cidrs", Default: joinPrefixes(eks().PublicAccessCIDRs), Check: checkCIDRs,
		AcceptedText: "1 to " + strconv.Itoa(topology.MaxPublicAccessCIDRs) + " IPv4 CIDR blocks, comma-separated, e.g. 203.0.113.0/24,198.51.100.7/32",
		Label:        text{EN: "Public access CIDRs", KO: "퍼블릭 액세스 CIDR"},
		Help: text{
			EN: "Who may reach the public endpoint: IPv4 CIDR blocks, at most 40 (EKS default: 0.0.0.0/0, anyone).",
			KO: "퍼블릭 엔드포인트에 닿을 수 있는 주소입니다. IPv4 CIDR 블록을 최대 40개까지 씁니다(EKS 기본값: 0.0.0.0/0, 모든 주소).",
		},
	}
	fieldClient = Field{
		Name: "client", Values: names(topology.Locations()),
		Label: text{EN: "Where kubectl runs", KO: "kubectl을 실행하는 곳"},
		Help: text{
			EN: "internet (an admin laptop), vpc (a bastion host), connected (on premises over VPN or Direct Connect, with its own DNS) or connected-dns (the same, with DNS forwarding to the VPC resolver). Default: internet while public access is on, otherwise vpc.",
			KO: "internet(관리자 노트북), vpc(배스천 호스트), connected(VPN이나 Direct Connect로 연결된 온프레미스, 자체 DNS 사용), connected-dns(같은 연결에 VPC 리졸버로 DNS 포워딩) 중 하나입니다. 기본값은 퍼블릭 액세스가 켜져 있으면 internet, 꺼져 있으면 vpc입니다.",
		},
	}
	fieldClientIP = Field{
		Name: "client_ip", Default: eks().ClientIP.String(), Check: checkIPv4("client_ip"),
		AcceptedText: "an IPv4 address, e.g. 203.0.113.10",
		Label:        text{EN: "Client's public IP", KO: "클라이언트의 퍼블릭 IP"},
		Help: text{
			EN: "The address kubectl's requests come from when they reach the public endpoint, checked against the public access CIDRs.",
			KO: "kubectl의 요청이 퍼블릭 엔드포인트에 닿을 때의 출발지 주소로, 퍼블릭 액세스 CIDR과 비교합니다.",
		},
	}
	fieldNodes = Field{
		Name: "nodes", Default: string(eks().Nodes), Values: names(topology.NodePlacements()),
		Label: text{EN: "Worker node subnets", KO: "워커 노드 서브넷"},
		Help: text{
			EN: "public (public subnets, nodes with public IPs), private-nat (private subnets behind a NAT gateway) or private-isolated (no route to the internet; AWS services only through VPC endpoints).",
			KO: "public(퍼블릭 서브넷, 퍼블릭 IP가 있는 노드), private-nat(NAT 게이트웨이 뒤의 프라이빗 서브넷), private-isolated(인터넷 경로가 없어 VPC 엔드포인트로만 AWS 서비스에 닿음) 중 하나입니다.",
		},
	}
	fieldNATIP = Field{
		Name: "nat_ip", Default: eks().NATIP.String(), Check: checkIPv4("nat_ip"),
		AcceptedText: "an IPv4 address, e.g. 198.51.100.7",
		Label:        text{EN: "Nodes' outbound public IP", KO: "노드의 아웃바운드 퍼블릭 IP"},
		Help: text{
			EN: "The NAT gateway's Elastic IP (or the nodes' public IP in public subnets): the address node traffic has on the public path.",
			KO: "NAT 게이트웨이의 탄력적 IP(퍼블릭 서브넷이면 노드의 퍼블릭 IP)로, 퍼블릭 경로에서 노드 트래픽이 쓰는 주소입니다.",
		},
	}
	fieldDNSHostnames = boolField("dns_hostnames", eks().DNSHostnames,
		text{EN: "VPC DNS hostnames", KO: "VPC DNS 호스트 이름"},
		text{EN: "The VPC attribute enableDnsHostnames. EKS needs it on: nodes can't register otherwise, and the private endpoint's hosted zone needs it.", KO: "VPC 속성 enableDnsHostnames입니다. EKS에는 켜져 있어야 합니다. 꺼져 있으면 노드가 등록되지 않고, 프라이빗 엔드포인트의 호스팅 영역도 응답하지 않습니다."})
	fieldDNSSupport = boolField("dns_support", eks().DNSSupport,
		text{EN: "VPC DNS resolution", KO: "VPC DNS 확인"},
		text{EN: "The VPC attribute enableDnsSupport: the VPC resolver (AmazonProvidedDNS) answers only while it is on.", KO: "VPC 속성 enableDnsSupport입니다. 켜져 있어야 VPC DNS 리졸버(AmazonProvidedDNS)가 응답합니다."})
	fieldEndpoints = Field{
		Name: "endpoints", Check: checkEndpoints,
		AcceptedText: "a comma-separated list of " + joinNames(topology.Services()) + ", or empty for none",
		Label:        text{EN: "VPC endpoints", KO: "VPC 엔드포인트"},
		Help: text{
			EN: "VPC endpoints in the cluster's VPC (default: none). Nodes without internet access need ec2, ecr.api, ecr.dkr and s3 to join and pull images.",
			KO: "클러스터 VPC에 만든 VPC 엔드포인트입니다(기본값: 없음). 인터넷 경로가 없는 노드가 클러스터에 참여하고 이미지를 받으려면 ec2, ecr.api, ecr.dkr, s3가 필요합니다.",
		},
	}
	fieldSG443 = boolField("sg443", eks().SG443,
		text{EN: "Cluster security group allows 443 from the client", KO: "클러스터 보안 그룹의 클라이언트 443 허용"},
		text{EN: "Whether the cluster security group lets kubectl's network in on port 443, which the private path needs.", KO: "클러스터 보안 그룹이 kubectl 쪽 네트워크에서 오는 443 포트를 허용하는지입니다. 프라이빗 경로에 필요합니다."})
	// fieldNodeSubnet is the name nodes= replaced: public stays public,
	// private means private-nat, so links from before the lab keep their
	// meaning.
	fieldNodeSubnet = Field{
		Name: "node_subnet", Values: names(topology.SubnetKinds()), ReplacedBy: "nodes",
		Label: text{EN: "Worker node subnets (old name)", KO: "워커 노드 서브넷(예전 이름)"},
		Help: text{
			EN: "Replaced by nodes: public is nodes=public, private is nodes=private-nat.",
			KO: "nodes로 바뀌었습니다. public은 nodes=public, private은 nodes=private-nat과 같습니다.",
		},
	}
	fieldMode = Field{
		Name: "mode", Values: names(topology.Modes()),
		Label: text{EN: "Endpoint access mode", KO: "엔드포인트 액세스 모드"},
		Help:  text{EN: "Which of the three endpoint settings the diagram shows.", KO: "다이어그램에 보여 줄 엔드포인트 설정입니다."},
	}
	fieldFlow = Field{
		Name: "flow", Values: names(topology.Flows()),
		Label: text{EN: "Packet flow", KO: "패킷 흐름"},
		Help:  text{EN: "The flow to number and narrate hop by hop.", KO: "홉마다 번호를 매기고 설명할 흐름입니다."},
	}
	fieldStep = Field{
		Name: "step", Default: "0", Accept: isStepNumber, AcceptedText: "0, 1, 2, …",
		Label: text{EN: "Step", KO: "단계"},
		Help:  text{EN: "The moment of the flow to show; 0 is before the first step.", KO: "보여 줄 흐름의 순간입니다. 0은 첫 단계 전입니다."},
	}
	fieldAnimate = Field{
		Name: "animate", Default: "0", Values: []string{"0", "1"}, Aliases: map[string]string{"false": "0", "true": "1"},
		Label: text{EN: "Animate", KO: "애니메이션"},
		Help:  text{EN: "1 makes a standalone SVG play its flow on its own.", KO: "1이면 독립 SVG가 흐름을 스스로 재생합니다."},
	}
)

// isStepNumber accepts a plain non-negative decimal, so "01" and "+1"
// cannot make a second address for the same moment.
func isStepNumber(v string) bool {
	n, err := strconv.Atoi(v)
	return err == nil && n >= 0 && strconv.Itoa(n) == v
}

// ConfigSchema is the cluster configuration query of /api/v1/resolve, the
// lab and the exporters: every field optional with the EKS default.
var ConfigSchema = Schema{Fields: []Field{
	fieldPublic, fieldPrivate, fieldCIDRs, fieldClient, fieldClientIP, fieldNodes, fieldNATIP,
	fieldDNSHostnames, fieldDNSSupport, fieldEndpoints, fieldSG443, fieldNodeSubnet,
}}

// PlayerSchema is the query of a page with a flow player.
var PlayerSchema = Schema{Fields: []Field{fieldMode, fieldFlow, fieldStep}}
