package topology

import "fmt"

// The learner-facing sentences for DNS steps and for flows that stop.
// Each is written whole per language, Korean in 합니다체 (advice, such as
// how to reach a private endpoint, in ~하십시오), taught from chapter 5
// of the curriculum. They are written per situation rather than
// assembled from fragments, so that both languages read naturally.

// asker names who starts a flow, at the start of a sentence. The Korean
// forms carry their particles, written out per name (kubelet이, API 서버가)
// because this package cannot ask internal/i18n to choose them.
type asker struct {
	en      string // "The kubelet"
	subject string // with 이/가: "노드의 kubelet이"
	topic   string // with 은/는: "노드의 kubelet은"
	bare    string // before 에서: "노드의 kubelet"
}

func askerName(cfg Config, id ComponentID) asker {
	switch {
	case id == Kubelet:
		return asker{"The kubelet", "노드의 kubelet이", "노드의 kubelet은", "노드의 kubelet"}
	case id == Kubectl && cfg.Client == LocVPC:
		return asker{"kubectl on the bastion host", "배스천 호스트의 kubectl이", "배스천 호스트의 kubectl은", "배스천 호스트의 kubectl"}
	case id == APIServer:
		return asker{"The API server", "API 서버가", "API 서버는", "API 서버"}
	}
	return asker{"kubectl", "kubectl이", "kubectl은", "kubectl"}
}

// dnsReason explains one lookup of the endpoint name and its answer.
func dnsReason(cfg Config, asker, resolver ComponentID, a Answer) Text {
	who := askerName(cfg, asker)
	switch {
	case resolver == PublicDNS && a == AnswerPublic:
		return Text{
			EN: "kubectl asks public DNS for the cluster endpoint's name, and because public access is on, the answer is the public IPs of the Network Load Balancer in front of the API servers.",
			KO: "kubectl이 퍼블릭 DNS에 클러스터 엔드포인트 이름을 물으면, 퍼블릭 액세스가 켜져 있으므로 API 서버 앞에 있는 NLB의 퍼블릭 IP가 응답으로 돌아옵니다.",
		}
	case resolver == PublicDNS:
		return Text{
			EN: "kubectl asks public DNS for the endpoint's name, and with public access off even public DNS answers with the EKS-owned ENIs' private IPs, which resolve from anywhere but are reachable only from the VPC or a network connected to it.",
			KO: "kubectl이 퍼블릭 DNS에 엔드포인트 이름을 물으면, 퍼블릭 액세스가 꺼져 있으므로 퍼블릭 DNS도 EKS 소유 ENI의 프라이빗 IP로 응답하는데, 이 주소는 어디서나 조회되지만 VPC나 VPC에 연결된 네트워크에서만 닿을 수 있습니다.",
		}
	case cfg.Client == LocConnectedDNS && asker == Kubectl && a == AnswerPrivate:
		return Text{
			EN: "kubectl's network forwards the endpoint's name over the VPN, Direct Connect or peering link to the VPC resolver, where EKS's private hosted zone answers with the EKS-owned ENIs' private IPs (without DNS forwarding the client would get the public answer).",
			KO: "kubectl이 있는 네트워크가 엔드포인트 이름 조회를 VPN, Direct Connect 또는 피어링 연결로 VPC의 DNS 리졸버에 포워딩하면, EKS의 프라이빗 호스팅 영역이 EKS 소유 ENI의 프라이빗 IP로 응답합니다(DNS 포워딩이 없으면 퍼블릭 응답을 받습니다).",
		}
	case cfg.Client == LocConnectedDNS && asker == Kubectl:
		return Text{
			EN: "kubectl's network forwards the endpoint's name to the VPC resolver, but with private access off there is no private hosted zone for the endpoint, so the answer is the NLB's public IPs.",
			KO: "kubectl이 있는 네트워크가 엔드포인트 이름 조회를 VPC의 DNS 리졸버에 포워딩하지만, 프라이빗 액세스가 꺼져 있어 엔드포인트용 프라이빗 호스팅 영역이 없으므로 NLB의 퍼블릭 IP가 응답으로 돌아옵니다.",
		}
	case a == AnswerPrivate:
		return Text{
			EN: fmt.Sprintf("%s asks the VPC resolver (AmazonProvidedDNS), and the Route 53 private hosted zone that EKS manages for the VPC, invisible in your account, answers with the EKS-owned ENIs' private IPs.", who.en),
			KO: fmt.Sprintf("%s VPC의 DNS 리졸버(AmazonProvidedDNS)에 물으면, EKS가 이 VPC를 위해 관리하며 사용자 계정에는 보이지 않는 Route 53 프라이빗 호스팅 영역이 EKS 소유 ENI의 프라이빗 IP로 응답합니다.", who.subject),
		}
	}
	return Text{
		EN: fmt.Sprintf("%s asks the VPC resolver, but with private access off there is no private hosted zone for the endpoint, so the answer is the NLB's public IPs, the same as on the internet.", who.en),
		KO: fmt.Sprintf("%s VPC의 DNS 리졸버에 묻지만, 프라이빗 액세스가 꺼져 있어 엔드포인트용 프라이빗 호스팅 영역이 없으므로 인터넷에서와 같은 NLB의 퍼블릭 IP가 응답으로 돌아옵니다.", who.subject),
	}
}

// noResolverReason explains a flow that cannot even look the name up.
func noResolverReason(cfg Config, asker ComponentID) Text {
	who := askerName(cfg, asker)
	return Text{
		EN: fmt.Sprintf("%s has no DNS resolver to ask for the endpoint's name, so it never learns an address to connect to.", who.en),
		KO: fmt.Sprintf("%s 엔드포인트 이름을 물을 DNS 리졸버가 없어 연결할 주소를 알아낼 수 없습니다.", who.topic),
	}
}

// noRouteReason explains why asker cannot reach the address DNS gave it.
func noRouteReason(cfg Config, asker ComponentID, a Answer) Text {
	if a == AnswerPrivate && asker == Kubectl && cfg.Client == LocInternet {
		return Text{
			EN: "Private IPs are not routable from the internet, so the admin's laptop cannot reach the private endpoint; use a bastion host in the VPC, a VPN or Direct Connect.",
			KO: "프라이빗 IP는 인터넷에서 라우팅되지 않으므로 관리자 노트북에서는 프라이빗 엔드포인트에 닿을 수 없습니다. VPC 안의 배스천 호스트나 VPN, Direct Connect를 통해 접속하십시오.",
		}
	}
	who := askerName(cfg, asker)
	if a == AnswerPrivate {
		return Text{
			EN: fmt.Sprintf("%s has no route to the EKS-owned ENIs' private IPs, which only the VPC and networks connected to it can reach.", who.en),
			KO: fmt.Sprintf("%s에서 EKS 소유 ENI의 프라이빗 IP로 가는 경로가 없으며, 이 주소에는 VPC와 VPC에 연결된 네트워크에서만 닿을 수 있습니다.", who.bare),
		}
	}
	return Text{
		EN: fmt.Sprintf("%s has no route to the endpoint's public IPs, because nothing on its side leads to the internet (no internet gateway or NAT gateway path).", who.en),
		KO: fmt.Sprintf("%s에서 엔드포인트의 퍼블릭 IP로 가는 경로가 없는데, 인터넷으로 나가는 인터넷 게이트웨이나 NAT 게이트웨이 경로가 없기 때문입니다.", who.bare),
	}
}
