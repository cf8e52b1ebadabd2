package topology

import "fmt"

// The sentences of the image pull (node-to-ecr): what the node asks for,
// and which way each request goes. Facts from the EKS user guide's
// private clusters page: images come from the ECR API and the registry,
// the layers from S3; nodes without internet access need the ecr.api and
// ecr.dkr interface endpoints and the S3 gateway endpoint.

// serviceName names an AWS service of the image pull in running text.
func serviceName(c ComponentID) Text {
	switch c {
	case ECRAPI:
		return Text{EN: "the Amazon ECR API", KO: "Amazon ECR API"}
	case ECRRegistry:
		return Text{EN: "the Amazon ECR registry", KO: "Amazon ECR 레지스트리"}
	case S3:
		return Text{EN: "Amazon S3, where the image layers are", KO: "이미지 레이어가 있는 Amazon S3"}
	}
	return Text{EN: string(c), KO: string(c)}
}

// serviceWhy says what the node wants from each service.
func serviceWhy(c ComponentID) Text {
	switch c {
	case ECRAPI:
		return Text{EN: "to get an authorisation token for the registry", KO: "레지스트리 인증 토큰을 받으려고"}
	case ECRRegistry:
		return Text{EN: "for the image manifest", KO: "이미지 매니페스트를 받으려고"}
	}
	return Text{EN: "for the image layers", KO: "이미지 레이어를 받으려고"}
}

// serviceDNSReason explains the node's lookup of a service's name.
func serviceDNSReason(cfg Config, c ComponentID, a Answer) Text {
	name, why := serviceName(c), serviceWhy(c)
	switch a {
	case AnswerNone:
		return Text{
			EN: fmt.Sprintf("The node asks the VPC resolver for the name of %s %s, but the VPC's DNS resolution (enableDnsSupport) is off, so no answer comes back.", name.EN, why.EN),
			KO: fmt.Sprintf("노드가 %s VPC의 DNS 리졸버에 %s 서비스의 이름을 묻지만, VPC의 DNS 확인(enableDnsSupport)이 꺼져 있어 응답이 돌아오지 않습니다.", why.KO, name.KO),
		}
	case AnswerEndpoint:
		return Text{
			EN: fmt.Sprintf("The node asks the VPC resolver for the name of %s %s, and because the VPC has an interface endpoint for it with private DNS, the answer is the endpoint's private IPs in the node subnets.", name.EN, why.EN),
			KO: fmt.Sprintf("노드가 %s VPC의 DNS 리졸버에 %s 서비스의 이름을 물으면, VPC에 프라이빗 DNS가 켜진 인터페이스 엔드포인트가 있으므로 노드 서브넷에 있는 엔드포인트의 프라이빗 IP가 응답으로 돌아옵니다.", why.KO, name.KO),
		}
	}
	if c == S3 && cfg.HasEndpoint(SvcS3) {
		return Text{
			EN: "The node asks the VPC resolver for Amazon S3's name for the image layers; the answer is S3's public IPs, because a gateway endpoint changes the route tables, not DNS.",
			KO: "노드가 이미지 레이어를 받으려고 VPC의 DNS 리졸버에 Amazon S3의 이름을 물으면 S3의 퍼블릭 IP가 응답으로 돌아옵니다. 게이트웨이 엔드포인트는 DNS가 아니라 라우팅 테이블을 바꾸기 때문입니다.",
		}
	}
	return Text{
		EN: fmt.Sprintf("The node asks the VPC resolver for the name of %s %s, and the answer is the service's public IPs.", name.EN, why.EN),
		KO: fmt.Sprintf("노드가 %s VPC의 DNS 리졸버에 %s 서비스의 이름을 물으면 그 서비스의 퍼블릭 IP가 응답으로 돌아옵니다.", why.KO, name.KO),
	}
}

// serviceHopReason explains the hops of the image pull that differ from
// the endpoint flows; it reports false for the ones that do not.
func serviceHopReason(cfg Config, dest ComponentID, h hop) (Text, bool) {
	name := serviceName(dest)
	switch {
	case h.from == Kubelet && h.to == NATGateway:
		return Text{
			EN: fmt.Sprintf("The node sits in a private subnet, so its packets for %s go first to the NAT gateway in a public subnet, and NAT data-processing charges apply.", name.EN),
			KO: fmt.Sprintf("노드가 프라이빗 서브넷에 있으므로 %s 서비스로 가는 패킷은 먼저 퍼블릭 서브넷의 NAT 게이트웨이를 거치며, NAT 데이터 처리 요금이 부과됩니다.", name.KO),
		}, true
	case h.from == Kubelet && h.to == IGW:
		return Text{
			EN: fmt.Sprintf("The node sits in a public subnet whose route table points at the internet gateway, so its packets for %s leave the VPC right there.", name.EN),
			KO: fmt.Sprintf("노드가 있는 퍼블릭 서브넷은 라우팅 테이블이 인터넷 게이트웨이를 가리키므로, %s 서비스로 가는 패킷은 그 자리에서 VPC를 벗어납니다.", name.KO),
		}, true
	case h.from == IGW && h.to == dest:
		return Text{
			EN: fmt.Sprintf("Out of the VPC, the request reaches %s at its public address: the public path, on Amazon's network rather than the internet.", name.EN),
			KO: fmt.Sprintf("VPC를 벗어난 요청은 퍼블릭 주소로 %s 서비스에 닿습니다. 인터넷이 아닌 Amazon 네트워크 안의 퍼블릭 경로입니다.", name.KO),
		}, true
	case h.from == Kubelet && h.to == InterfaceEndpoints:
		return Text{
			EN: fmt.Sprintf("The packet for %s goes to the interface endpoint's private IP in the node's own subnet, so it never leaves the VPC.", name.EN),
			KO: fmt.Sprintf("%s 서비스로 가는 패킷은 노드 서브넷 안에 있는 인터페이스 엔드포인트의 프라이빗 IP로 가므로 VPC를 벗어나지 않습니다.", name.KO),
		}, true
	case h.from == InterfaceEndpoints:
		return Text{
			EN: fmt.Sprintf("Through the interface endpoint (AWS PrivateLink) the request reaches %s on AWS's private network.", name.EN),
			KO: fmt.Sprintf("요청은 인터페이스 엔드포인트(AWS PrivateLink)를 거쳐 AWS 내부 네트워크로 %s 서비스에 닿습니다.", name.KO),
		}, true
	case h.from == Kubelet && h.to == S3Gateway:
		return Text{
			EN: "The node subnet's route table sends S3's addresses to the gateway endpoint, ahead of any default route, so the layers do not go through a NAT gateway.",
			KO: "노드 서브넷의 라우팅 테이블이 S3 주소로 가는 트래픽을 기본 경로보다 먼저 게이트웨이 엔드포인트로 보내므로, 레이어가 NAT 게이트웨이를 거치지 않습니다.",
		}, true
	case h.from == S3Gateway:
		return Text{
			EN: "The gateway endpoint carries the request to Amazon S3 on AWS's network, without leaving through the internet gateway.",
			KO: "게이트웨이 엔드포인트가 요청을 인터넷 게이트웨이를 거치지 않고 AWS 네트워크로 Amazon S3에 전달합니다.",
		}, true
	}
	return Text{}, false
}
