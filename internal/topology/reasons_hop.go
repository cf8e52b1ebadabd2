package topology

import "fmt"

// hopReason explains one packet move. Most hops mean the same thing in
// every flow; the few that differ (who is leaving through the internet
// gateway, from where kubectl sends, which service a node calls) read the
// configuration, the asker and the leg's destination.
func hopReason(t Topology, cfg Config, asker, dest ComponentID, h hop) Text {
	if dest != APIServer {
		if r, ok := serviceHopReason(cfg, dest, h); ok {
			return r
		}
	}
	switch {
	case h.from == Kubectl && h.to == NLB:
		return kubectlToNLBReason(cfg)
	case h.from == Kubectl && h.to == IGW:
		return Text{
			EN: "The endpoint resolved to a public address, so the bastion host in its public subnet sends the request to the internet gateway, and it leaves the VPC.",
			KO: "엔드포인트가 퍼블릭 주소로 조회되었으므로 퍼블릭 서브넷의 배스천 호스트가 요청을 인터넷 게이트웨이로 보내고, 요청은 VPC를 벗어납니다.",
		}
	case h.from == Kubectl && h.to == EKSENI:
		return kubectlToENIReason(cfg)
	case h.from == Kubelet && h.to == IGW:
		return Text{
			EN: "The node sits in a public subnet whose route table points at the internet gateway, so its packets for the endpoint's public IPs leave the VPC right there.",
			KO: "노드가 있는 퍼블릭 서브넷은 라우팅 테이블이 인터넷 게이트웨이를 가리키므로, 엔드포인트의 퍼블릭 IP로 가는 패킷은 그 자리에서 곧바로 VPC를 벗어납니다.",
		}
	case h.from == Kubelet && h.to == NATGateway:
		return Text{
			EN: "The node sits in a private subnet, so its packets for the endpoint's public IPs go first to the NAT gateway in a public subnet, and NAT data-processing charges apply to every byte.",
			KO: "노드가 프라이빗 서브넷에 있으므로 엔드포인트의 퍼블릭 IP로 가는 패킷은 먼저 퍼블릭 서브넷의 NAT 게이트웨이를 거치며, 이 트래픽에는 NAT 데이터 처리 요금이 부과됩니다.",
		}
	case h.from == NATGateway && h.to == IGW:
		return Text{
			EN: "The NAT gateway swaps the node's private source IP for its own Elastic IP and hands the packet to the internet gateway.",
			KO: "NAT 게이트웨이를 지나면서 패킷의 출발지 IP가 노드의 프라이빗 IP에서 NAT 게이트웨이의 탄력적 IP로 바뀌고, 패킷은 인터넷 게이트웨이로 넘어갑니다.",
		}
	case h.from == IGW && h.to == NLB:
		return igwToNLBReason(cfg, asker)
	case h.from == NLB && h.to == APIServer:
		return Text{
			EN: "The Network Load Balancer spreads requests over the API server instances, which run in the AWS-managed VPC across several availability zones.",
			KO: "NLB는 AWS 관리형 VPC의 여러 가용 영역에 걸쳐 실행되는 API 서버 인스턴스들로 요청을 분산합니다.",
		}
	case h.from == Kubelet && h.to == EKSENI:
		return Text{
			EN: "The packet stays inside the VPC and goes straight to an EKS-owned ENI's private IP: the ENI is the VPC's own door to the control plane, so the packet never leaves through the internet gateway to come back in at the NLB's public address.",
			KO: "패킷은 VPC 안에 머문 채 EKS 소유 ENI의 프라이빗 IP로 곧바로 갑니다. 이 ENI가 VPC에서 컨트롤 플레인으로 통하는 문이므로, 인터넷 게이트웨이로 나갔다가 NLB의 퍼블릭 주소로 다시 들어오는 길을 거치지 않습니다.",
		}
	case h.from == EKSENI && h.to == APIServer:
		return Text{
			EN: "The EKS-owned ENI is a cross-account interface whose other side belongs to AWS, so the request passes through it to an API server in the AWS-managed VPC.",
			KO: "EKS 소유 ENI는 반대편이 AWS 계정에 속한 교차 계정 네트워크 인터페이스이므로, 요청은 이를 거쳐 AWS 관리형 VPC의 API 서버에 도달합니다.",
		}
	case h.from == APIServer && h.to == EKSENI:
		return Text{
			EN: "For kubectl exec, logs and port-forward, the API server reaches into your VPC through an EKS-owned cross-account ENI, which the console shows as requester-managed.",
			KO: "kubectl exec, logs, port-forward를 처리할 때 API 서버는 콘솔에 요청자 관리형으로 표시되는 EKS 소유 교차 계정 ENI를 통해 사용자 VPC 안으로 들어옵니다.",
		}
	case h.from == EKSENI && h.to == Kubelet:
		return Text{
			EN: "From the ENI the connection goes to the node's private IP inside the VPC, so this flow never crosses the internet, whatever the endpoint settings.",
			KO: "ENI에서 연결은 VPC 안에 있는 노드의 프라이빗 IP로 이어지므로, 이 흐름은 엔드포인트 설정과 관계없이 인터넷을 건너지 않습니다.",
		}
	}
	return plainHopReason(t, h)
}

func kubectlToNLBReason(cfg Config) Text {
	if cfg.Client.connected() {
		return Text{
			EN: "The endpoint resolved to a public address, so kubectl goes out through its own network's internet connection to the NLB's public IPs, and the public access CIDRs must allow that network's public address.",
			KO: "엔드포인트가 퍼블릭 주소로 조회되었으므로 kubectl은 자기 네트워크의 인터넷 연결로 나가 NLB의 퍼블릭 IP에 도달하며, 퍼블릭 액세스 CIDR이 그 네트워크의 퍼블릭 주소를 허용해야 합니다.",
		}
	}
	return Text{
		EN: "kubectl sends the request across the public internet to the NLB's public IPs, guarded by IAM authentication, Kubernetes RBAC and the public access CIDRs: the endpoint is reachable, not open.",
		KO: "kubectl이 퍼블릭 인터넷을 건너 NLB의 퍼블릭 IP로 요청을 보내며, IAM 인증과 쿠버네티스 RBAC, 퍼블릭 액세스 CIDR이 이를 지키므로 엔드포인트는 닿을 수 있을 뿐 열려 있는 것이 아닙니다.",
	}
}

func kubectlToENIReason(cfg Config) Text {
	if cfg.Client.connected() {
		return Text{
			EN: "The request crosses the VPN, Direct Connect or peering link into the VPC to an EKS-owned ENI's private IP, and the cluster security group must allow port 443 from that network.",
			KO: "요청이 VPN, Direct Connect 또는 피어링 연결을 건너 VPC 안의 EKS 소유 ENI 프라이빗 IP에 도달하며, 클러스터 보안 그룹이 그 네트워크에서 오는 443 포트를 허용해야 합니다.",
		}
	}
	return Text{
		EN: "From the bastion host inside the VPC the request goes straight to an EKS-owned ENI's private IP, and the cluster security group must allow port 443 from the bastion.",
		KO: "VPC 안의 배스천 호스트에서 요청이 곧바로 EKS 소유 ENI의 프라이빗 IP로 가며, 클러스터 보안 그룹이 배스천에서 오는 443 포트를 허용해야 합니다.",
	}
}

// igwToNLBReason teaches the public path: who must be in the public access
// CIDRs depends on who left the VPC, and from which subnet.
func igwToNLBReason(cfg Config, asker ComponentID) Text {
	if asker == Kubectl {
		return Text{
			EN: "The request leaves the VPC and takes the public path to the NLB's public IPs, so the public access CIDRs must include the bastion host's public IP.",
			KO: "요청은 VPC를 벗어나 퍼블릭 경로로 NLB의 퍼블릭 IP에 도달하므로, 퍼블릭 액세스 CIDR에 배스천 호스트의 퍼블릭 IP가 포함되어야 합니다.",
		}
	}
	// Two whole sentences rather than one with the source inserted, so
	// the Korean particle after the source is written, not guessed.
	if cfg.Nodes == NodesPublic {
		return Text{
			EN: "The packet has left the VPC (AWS's precise wording: it leaves the VPC but not Amazon's network) and comes back in through the NLB's public address on the public path, so the public access CIDRs must include the node's public IP or the node cannot register.",
			KO: "패킷은 VPC를 벗어나(AWS의 정확한 표현으로는 VPC는 벗어나되 Amazon 네트워크는 벗어나지 않고) 퍼블릭 경로로 NLB의 퍼블릭 주소를 통해 다시 들어오므로, 퍼블릭 액세스 CIDR에 노드의 퍼블릭 IP가 포함되어야 노드가 클러스터에 등록될 수 있습니다.",
		}
	}
	return Text{
		EN: "The packet has left the VPC (AWS's precise wording: it leaves the VPC but not Amazon's network) and comes back in through the NLB's public address on the public path, so the public access CIDRs must include the NAT gateway's Elastic IP or the node cannot register.",
		KO: "패킷은 VPC를 벗어나(AWS의 정확한 표현으로는 VPC는 벗어나되 Amazon 네트워크는 벗어나지 않고) 퍼블릭 경로로 NLB의 퍼블릭 주소를 통해 다시 들어오므로, 퍼블릭 액세스 CIDR에 NAT 게이트웨이의 탄력적 IP가 포함되어야 노드가 클러스터에 등록될 수 있습니다.",
	}
}

// plainHopReason is the fallback for a hop no sentence above covers, so a
// future link still yields a readable step rather than an empty one. The
// Korean inserts names only before 에서 and 까지, which take the same form
// after any sound, so no particle has to be guessed.
func plainHopReason(t Topology, h hop) Text {
	from, to := componentName(t, h.from), componentName(t, h.to)
	return Text{
		EN: fmt.Sprintf("The packet goes from %s to %s.", from.EN, to.EN),
		KO: fmt.Sprintf("패킷이 %s에서 %s까지 이동합니다.", from.KO, to.KO),
	}
}

func componentName(t Topology, id ComponentID) Text {
	if c, ok := t.Component(id); ok {
		return c.Name
	}
	return Text{EN: string(id), KO: string(id)}
}
