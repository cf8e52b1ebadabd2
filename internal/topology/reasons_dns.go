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
	case a == AnswerNone:
		return Text{
			EN: fmt.Sprintf("%s asks the VPC resolver (AmazonProvidedDNS), but the VPC's DNS resolution (enableDnsSupport) is off, so no answer comes back.", who.en),
			KO: fmt.Sprintf("%s VPC의 DNS 리졸버(AmazonProvidedDNS)에 묻지만, VPC의 DNS 확인(enableDnsSupport)이 꺼져 있어 응답이 돌아오지 않습니다.", who.subject),
		}
	case resolver == PublicDNS && cfg.Client == LocConnected && a == AnswerPublic:
		return Text{
			EN: "kubectl's network uses its own DNS, not the VPC resolver, so public DNS answers for the endpoint's name: the NLB's public IPs. Without DNS forwarding to the VPC resolver, the private endpoint never answers it.",
			KO: "kubectl이 있는 네트워크는 VPC의 DNS 리졸버가 아닌 자체 DNS를 쓰므로 퍼블릭 DNS가 엔드포인트 이름에 NLB의 퍼블릭 IP로 응답합니다. VPC의 DNS 리졸버로 포워딩하지 않으면 프라이빗 엔드포인트의 응답은 받을 수 없습니다.",
		}
	case resolver == PublicDNS && cfg.Client == LocConnected:
		return Text{
			EN: "kubectl's network uses its own DNS, and with public access off public DNS answers for the endpoint's name with the EKS-owned ENIs' private IPs, which the VPN or Direct Connect link can reach: no DNS forwarding is needed.",
			KO: "kubectl이 있는 네트워크는 자체 DNS를 쓰는데, 퍼블릭 액세스가 꺼져 있으면 퍼블릭 DNS가 엔드포인트 이름에 EKS 소유 ENI의 프라이빗 IP로 응답하고, 이 주소에는 VPN이나 Direct Connect 연결로 닿을 수 있으므로 DNS 포워딩이 필요하지 않습니다.",
		}
	case resolver == VPCDNS && cfg.PrivateAccess && !cfg.DNSHostnames && a == AnswerPublic:
		return Text{
			EN: fmt.Sprintf("%s asks the VPC resolver, but with the VPC's DNS hostnames (enableDnsHostnames) off the private hosted zone does not answer (it needs DNS hostnames and DNS resolution on), so the answer is what public DNS gives: the NLB's public IPs.", who.en),
			KO: fmt.Sprintf("%s VPC의 DNS 리졸버에 묻지만, VPC의 DNS 호스트 이름(enableDnsHostnames)이 꺼져 있으면 프라이빗 호스팅 영역이 응답하지 않으므로(DNS 호스트 이름과 DNS 확인이 모두 켜져 있어야 합니다) 퍼블릭 DNS와 같은 NLB의 퍼블릭 IP가 응답으로 돌아옵니다.", who.subject),
		}
	case resolver == VPCDNS && cfg.PrivateAccess && !cfg.DNSHostnames:
		return Text{
			EN: fmt.Sprintf("%s asks the VPC resolver, but with the VPC's DNS hostnames (enableDnsHostnames) off the private hosted zone does not answer, so the answer is what public DNS gives with public access off: the EKS-owned ENIs' private IPs.", who.en),
			KO: fmt.Sprintf("%s VPC의 DNS 리졸버에 묻지만, VPC의 DNS 호스트 이름(enableDnsHostnames)이 꺼져 있으면 프라이빗 호스팅 영역이 응답하지 않으므로, 퍼블릭 액세스가 꺼져 있을 때 퍼블릭 DNS가 주는 EKS 소유 ENI의 프라이빗 IP가 응답으로 돌아옵니다.", who.subject),
		}
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
