package topology

import (
	"fmt"
	"net/netip"
	"strings"
)

// The explanation of each way a flow can stop: its code, the reason with
// the configuration's own values, and the fix, Korean reasons in 합니다체
// and fixes in ~하십시오. Values are inserted only where no particle
// follows them (this package cannot ask internal/i18n to choose one), so
// the Korean names a value and then a noun: "198.51.100.7 주소는".

// cidrList shows the public access CIDRs, shortened past four.
func cidrList(cfg Config) string {
	ps := cfg.PublicAccessCIDRs
	parts := make([]string, 0, 4)
	for i, p := range ps {
		if i == 3 && len(ps) > 4 {
			parts = append(parts, fmt.Sprintf("… %d in all", len(ps)))
			break
		}
		parts = append(parts, p.String())
	}
	return strings.Join(parts, ", ")
}

func host(a netip.Addr) string { return netip.PrefixFrom(a, 32).String() }

// blockCIDR: the NLB's public address refuses a source no CIDR contains.
func blockCIDR(cfg Config, asker ComponentID) Blocked {
	list := cidrList(cfg)
	if asker == Kubelet {
		ip := cfg.NATIP.String()
		b := Blocked{At: NLB, Code: CodeCIDRNodesNotAllowed}
		if cfg.Nodes == NodesPublic {
			b.Reason = Text{
				EN: fmt.Sprintf("The nodes leave with their public IP %s, which is not in the public access CIDRs (%s), so the public endpoint refuses them and the nodes cannot register.", ip, list),
				KO: fmt.Sprintf("노드는 퍼블릭 IP %s 주소로 나가는데, 이 주소가 퍼블릭 액세스 CIDR(%s)에 없어 퍼블릭 엔드포인트가 연결을 거부하므로 노드가 클러스터에 등록되지 않습니다.", ip, list),
			}
		} else {
			b.Reason = Text{
				EN: fmt.Sprintf("The nodes leave through the NAT gateway %s, which is not in the public access CIDRs (%s), so the public endpoint refuses them and the nodes cannot register.", ip, list),
				KO: fmt.Sprintf("노드는 NAT 게이트웨이 %s 주소로 나가는데, 이 주소가 퍼블릭 액세스 CIDR(%s)에 없어 퍼블릭 엔드포인트가 연결을 거부하므로 노드가 클러스터에 등록되지 않습니다.", ip, list),
			}
		}
		b.Fix = Text{
			EN: fmt.Sprintf("Add %s to the public access CIDRs, or turn on private access so the nodes' traffic stays inside the VPC.", host(cfg.NATIP)),
			KO: fmt.Sprintf("퍼블릭 액세스 CIDR에 %s 블록을 추가하거나, 노드 트래픽이 VPC 안에 머물도록 프라이빗 액세스를 켜십시오.", host(cfg.NATIP)),
		}
		return b
	}
	ip := cfg.ClientIP.String()
	b := Blocked{At: NLB, Code: CodeCIDRClientNotAllowed, Reason: Text{
		EN: fmt.Sprintf("kubectl reaches the public endpoint from %s, which is not in the public access CIDRs (%s), so the endpoint refuses the connection.", ip, list),
		KO: fmt.Sprintf("kubectl은 %s 주소에서 퍼블릭 엔드포인트에 닿는데, 이 주소가 퍼블릭 액세스 CIDR(%s)에 없어 엔드포인트가 연결을 거부합니다.", ip, list),
	}}
	add := host(cfg.ClientIP)
	switch {
	case cfg.Client == LocConnected && cfg.PrivateAccess:
		b.Fix = Text{
			EN: fmt.Sprintf("Forward the endpoint's name from your network's DNS to the VPC resolver (a Route 53 Resolver inbound endpoint) so kubectl takes the private path, or add %s to the public access CIDRs.", add),
			KO: fmt.Sprintf("kubectl이 프라이빗 경로로 가도록 사용자 네트워크의 DNS에서 엔드포인트 이름을 VPC의 DNS 리졸버(Route 53 Resolver 인바운드 엔드포인트)로 포워딩하거나, 퍼블릭 액세스 CIDR에 %s 블록을 추가하십시오.", add),
		}
	case cfg.Client == LocVPC || cfg.Client.connected():
		b.Fix = Text{
			EN: fmt.Sprintf("Add %s to the public access CIDRs, or turn on private access so kubectl takes the private path.", add),
			KO: fmt.Sprintf("퍼블릭 액세스 CIDR에 %s 블록을 추가하거나, kubectl이 프라이빗 경로로 가도록 프라이빗 액세스를 켜십시오.", add),
		}
	default:
		b.Fix = Text{
			EN: fmt.Sprintf("Add %s to the public access CIDRs.", add),
			KO: fmt.Sprintf("퍼블릭 액세스 CIDR에 %s 블록을 추가하십시오.", add),
		}
	}
	return b
}

// blockSG443: the cluster security group on the EKS-owned ENI drops
// kubectl's connection.
func blockSG443(cfg Config) Blocked {
	from := Text{EN: "the bastion host's security group", KO: "배스천 호스트의 보안 그룹"}
	if cfg.Client.connected() {
		from = Text{EN: "your connected network's CIDR", KO: "연결된 네트워크의 CIDR"}
	}
	return Blocked{At: EKSENI, Code: CodeSG443Closed,
		Reason: Text{
			EN: "The cluster security group on the EKS-owned ENIs does not allow port 443 from kubectl's network, so the ENI drops the connection on the private path.",
			KO: "EKS 소유 ENI에 붙은 클러스터 보안 그룹이 kubectl 쪽 네트워크에서 오는 443 포트를 허용하지 않아, 프라이빗 경로의 연결이 ENI에서 끊깁니다.",
		},
		Fix: Text{
			EN: fmt.Sprintf("Add an inbound rule to the cluster security group for TCP port 443 from %s.", from.EN),
			KO: fmt.Sprintf("클러스터 보안 그룹에 %s에서 오는 TCP 443 포트를 허용하는 인바운드 규칙을 추가하십시오.", from.KO),
		},
	}
}

// blockDNSOff: the VPC resolver does not answer.
func blockDNSOff(cfg Config, asker ComponentID) Blocked {
	who := askerName(cfg, asker)
	return Blocked{At: VPCDNS, Code: CodeVPCDNSResolutionOff,
		Reason: Text{
			EN: fmt.Sprintf("The VPC's DNS resolution (enableDnsSupport) is off, so the VPC resolver does not answer and %s never learns an address to connect to.", strings.ToLower(who.en[:1])+who.en[1:]),
			KO: fmt.Sprintf("VPC의 DNS 확인(enableDnsSupport)이 꺼져 있어 VPC의 DNS 리졸버가 응답하지 않으므로, %s 연결할 주소를 알아낼 수 없습니다.", who.topic),
		},
		Fix: Text{
			EN: "EKS requires DNS resolution and DNS hostnames on every cluster VPC: turn on DNS resolution for the VPC (enableDnsSupport).",
			KO: "EKS는 모든 클러스터 VPC에 DNS 확인과 DNS 호스트 이름이 켜져 있어야 하므로, VPC의 DNS 확인(enableDnsSupport)을 켜십시오.",
		},
	}
}

// blockHostnamesOff: nodes can't register without DNS hostnames.
func blockHostnamesOff(Config) Blocked {
	return Blocked{At: Kubelet, Code: CodeVPCDNSHostnamesOff,
		Reason: Text{
			EN: "The VPC's DNS hostnames (enableDnsHostnames) are off: AWS's VPC requirements for EKS say nodes can't register to the cluster without DNS hostnames and DNS resolution, and the private endpoint's hosted zone does not answer either.",
			KO: "VPC의 DNS 호스트 이름(enableDnsHostnames)이 꺼져 있습니다. AWS의 EKS VPC 요구 사항에 따르면 DNS 호스트 이름과 DNS 확인 없이는 노드가 클러스터에 등록되지 않으며, 프라이빗 엔드포인트의 호스팅 영역도 응답하지 않습니다.",
		},
		Fix: fixHostnames(),
	}
}

func fixHostnames() Text {
	return Text{
		EN: "Turn on DNS hostnames for the VPC (enableDnsHostnames).",
		KO: "VPC의 DNS 호스트 이름(enableDnsHostnames)을 켜십시오.",
	}
}

// blockNoResolver: the asker has nobody to ask.
func blockNoResolver(cfg Config, asker ComponentID) Blocked {
	who := askerName(cfg, asker)
	return Blocked{At: asker, Code: CodeNoRoute,
		Reason: Text{
			EN: fmt.Sprintf("%s has no DNS resolver to ask for the endpoint's name, so it never learns an address to connect to.", who.en),
			KO: fmt.Sprintf("%s 엔드포인트 이름을 물을 DNS 리졸버가 없어 연결할 주소를 알아낼 수 없습니다.", who.topic),
		},
		Fix: Text{EN: "Give it a DNS resolver that answers for the endpoint's name.", KO: "엔드포인트 이름에 응답하는 DNS 리졸버를 쓰도록 설정하십시오."},
	}
}

// blockNoRoute explains why asker cannot reach the address DNS gave it.
func blockNoRoute(cfg Config, asker ComponentID, a Answer) Blocked {
	switch {
	case a == AnswerPrivate && asker == Kubectl && cfg.Client == LocInternet:
		return Blocked{At: Kubectl, Code: CodePrivateEndpointFromInternet,
			Reason: Text{
				EN: "Private IPs are not routable from the internet, so the admin's laptop cannot reach the private endpoint; use a bastion host in the VPC, a VPN or Direct Connect.",
				KO: "프라이빗 IP는 인터넷에서 라우팅되지 않으므로 관리자 노트북에서는 프라이빗 엔드포인트에 닿을 수 없습니다. VPC 안의 배스천 호스트나 VPN, Direct Connect를 통해 접속하십시오.",
			},
			Fix: Text{
				EN: "Run kubectl from a bastion host in the VPC or over a VPN or Direct Connect link (with 443 allowed by the cluster security group), or turn public access back on, restricted by the public access CIDRs.",
				KO: "VPC 안의 배스천 호스트나 VPN, Direct Connect 연결에서 kubectl을 실행하거나(클러스터 보안 그룹에서 443 허용), 퍼블릭 액세스를 다시 켜고 퍼블릭 액세스 CIDR로 제한하십시오.",
			},
		}
	case a == AnswerPublic && asker == Kubelet && !cfg.Nodes.Egress():
		return Blocked{At: Kubelet, Code: CodeNodesNoInternetRoute,
			Reason: Text{
				EN: "The nodes' subnets have no route to the internet, and the endpoint resolves only to the NLB's public IPs, which the nodes cannot reach.",
				KO: "노드 서브넷에는 인터넷으로 가는 경로가 없는데 엔드포인트가 NLB의 퍼블릭 IP로만 조회되어, 노드가 이 주소에 닿을 수 없습니다.",
			},
			Fix: Text{
				EN: "Turn on private access: a cluster whose nodes have no outbound internet access must have it. Or give the node subnets a route through a NAT gateway.",
				KO: "프라이빗 액세스를 켜십시오. 노드에 아웃바운드 인터넷 경로가 없는 클러스터는 프라이빗 액세스가 켜져 있어야 합니다. 또는 노드 서브넷에 NAT 게이트웨이 경로를 추가하십시오.",
			},
		}
	}
	who := askerName(cfg, asker)
	if a == AnswerPrivate {
		return Blocked{At: asker, Code: CodeNoRoute,
			Reason: Text{
				EN: fmt.Sprintf("%s has no route to the EKS-owned ENIs' private IPs, which only the VPC and networks connected to it can reach.", who.en),
				KO: fmt.Sprintf("%s에서 EKS 소유 ENI의 프라이빗 IP로 가는 경로가 없으며, 이 주소에는 VPC와 VPC에 연결된 네트워크에서만 닿을 수 있습니다.", who.bare),
			},
			Fix: Text{EN: "Connect the client's network to the VPC (VPN, Direct Connect, peering).", KO: "클라이언트의 네트워크를 VPC에 연결하십시오(VPN, Direct Connect, 피어링)."},
		}
	}
	return Blocked{At: asker, Code: CodeNoRoute,
		Reason: Text{
			EN: fmt.Sprintf("%s has no route to the endpoint's public IPs, because nothing on its side leads to the internet (no internet gateway or NAT gateway path).", who.en),
			KO: fmt.Sprintf("%s에서 엔드포인트의 퍼블릭 IP로 가는 경로가 없는데, 인터넷으로 나가는 인터넷 게이트웨이나 NAT 게이트웨이 경로가 없기 때문입니다.", who.bare),
		},
		Fix: Text{EN: "Turn on private access, or add a route to the internet.", KO: "프라이빗 액세스를 켜거나 인터넷으로 가는 경로를 추가하십시오."},
	}
}

// blockServiceUnreachable: a node cannot reach an AWS service it pulls
// images from.
func blockServiceUnreachable(cfg Config, svc Service, comp ComponentID) Blocked {
	name := serviceName(comp)
	if cfg.HasEndpoint(svc) && !svc.Gateway() && !cfg.DNSHostnames {
		return Blocked{At: Kubelet, Code: CodeVPCDNSHostnamesOff,
			Reason: Text{
				EN: fmt.Sprintf("The VPC has the %s interface endpoint, but its private DNS name answers only while the VPC's DNS hostnames and DNS resolution are both on; with DNS hostnames off, %s resolves to its public IPs, which these nodes have no route to.", svc, name.EN),
				KO: fmt.Sprintf("VPC에 %s 인터페이스 엔드포인트가 있지만, 그 프라이빗 DNS 이름은 VPC의 DNS 호스트 이름과 DNS 확인이 모두 켜져 있을 때만 응답합니다. DNS 호스트 이름이 꺼져 있으면 %s 이름이 퍼블릭 IP로 조회되는데, 이 노드에는 그 주소로 가는 경로가 없습니다.", svc, name.KO),
			},
			Fix: fixHostnames(),
		}
	}
	kind := Text{EN: "interface", KO: "인터페이스"}
	if svc.Gateway() {
		kind = Text{EN: "gateway", KO: "게이트웨이"}
	}
	return Blocked{At: Kubelet, Code: CodeEndpointMissing,
		Reason: Text{
			EN: fmt.Sprintf("The nodes have no route to the internet, and the VPC has no %s endpoint, so they cannot reach %s.", svc, name.EN),
			KO: fmt.Sprintf("노드에는 인터넷으로 가는 경로가 없고 VPC에 %s 엔드포인트도 없어, 노드가 %s 서비스에 닿을 수 없습니다.", svc, name.KO),
		},
		Fix: Text{
			EN: fmt.Sprintf("Add the %s %s endpoint (%s) to the VPC, or give the node subnets a route through a NAT gateway.", svc, kind.EN, svc.EndpointName("<region>")),
			KO: fmt.Sprintf("VPC에 %s %s 엔드포인트(%s)를 추가하거나, 노드 서브넷에 NAT 게이트웨이 경로를 추가하십시오.", svc, kind.KO, svc.EndpointName("<region>")),
		},
	}
}

// blockNoPath explains a leg that has no link to follow.
func blockNoPath(t Topology, from, to ComponentID) Blocked {
	a, b := componentName(t, from), componentName(t, to)
	return Blocked{At: from, Code: CodeNoRoute,
		Reason: Text{
			EN: fmt.Sprintf("There is no path from %s to %s in this configuration.", a.EN, b.EN),
			KO: fmt.Sprintf("이 구성에서는 %s에서 %s까지 가는 경로가 없습니다.", a.KO, b.KO),
		},
		Fix: Text{EN: "Check the routes between the two.", KO: "두 구성 요소 사이의 경로를 확인하십시오."},
	}
}
