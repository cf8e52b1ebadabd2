package params

import (
	"strconv"

	"github.com/ekstutor/ekstutor/internal/topology"
)

type text = topology.Text

var boolAliases = map[string]string{"1": "true", "on": "true", "0": "false", "off": "false"}

// The fields of the configuration query, in canonical order. Their names
// are a public contract: the lab, the API and shared links use them.
var (
	fieldPublic = Field{
		Name: "public", Default: "true", Values: []string{"true", "false"}, Aliases: boolAliases,
		Label: text{EN: "Public endpoint access", KO: "퍼블릭 엔드포인트 액세스"},
		Help:  text{EN: "The API server answers on a public address (EKS default: on).", KO: "API 서버가 퍼블릭 주소에서 응답합니다(EKS 기본값: 켜짐)."},
	}
	fieldPrivate = Field{
		Name: "private", Default: "false", Values: []string{"true", "false"}, Aliases: boolAliases,
		Label: text{EN: "Private endpoint access", KO: "프라이빗 엔드포인트 액세스"},
		Help:  text{EN: "Traffic from inside the VPC reaches the API server through the EKS-owned ENIs (EKS default: off).", KO: "VPC 안의 트래픽이 EKS 소유 ENI를 거쳐 API 서버에 닿습니다(EKS 기본값: 꺼짐)."},
	}
	fieldClient = Field{
		Name: "client", Values: names(topology.Locations()),
		Label: text{EN: "Where kubectl runs", KO: "kubectl을 실행하는 곳"},
		Help:  text{EN: "Default: the internet while public access is on, otherwise a bastion host in the VPC.", KO: "기본값: 퍼블릭 액세스가 켜져 있으면 인터넷, 꺼져 있으면 VPC 안의 배스천 호스트."},
	}
	fieldNodeSubnet = Field{
		Name: "node_subnet", Default: string(topology.SubnetPrivate), Values: names(topology.SubnetKinds()),
		Label: text{EN: "Worker node subnets", KO: "워커 노드 서브넷"},
		Help:  text{EN: "Private subnets reach the internet through a NAT gateway; public subnets route to the internet gateway.", KO: "프라이빗 서브넷은 NAT 게이트웨이로, 퍼블릭 서브넷은 인터넷 게이트웨이로 인터넷에 나갑니다."},
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

// ConfigSchema is the cluster configuration query of /api/v1/resolve.
var ConfigSchema = Schema{Fields: []Field{fieldPublic, fieldPrivate, fieldClient, fieldNodeSubnet}}

// PlayerSchema is the query of a page with a flow player.
var PlayerSchema = Schema{Fields: []Field{fieldMode, fieldFlow, fieldStep}}
