package topology

// The one label of each name of the vocabulary, in both languages. The
// diagram legend and titles, the event list's badges, the player's
// selects, the compare page and problem messages all read these, so a
// mode is called the same thing on every surface.

// Label names the endpoint access mode as the EKS console does.
func (m Mode) Label() Text {
	switch m {
	case ModePublic:
		return Text{EN: "Public", KO: "퍼블릭"}
	case ModePublicPrivate:
		return Text{EN: "Public and private", KO: "퍼블릭 및 프라이빗"}
	case ModePrivate:
		return Text{EN: "Private", KO: "프라이빗"}
	}
	return raw(m)
}

// Label names the flow by its two ends.
func (f FlowID) Label() Text {
	switch f {
	case FlowKubectlToAPIServer:
		return Text{EN: "kubectl → API server", KO: "kubectl → API 서버"}
	case FlowAPIServerToKubelet:
		return Text{EN: "API server → kubelet", KO: "API 서버 → kubelet"}
	case FlowKubeletToAPIServer:
		return Text{EN: "kubelet → API server", KO: "kubelet → API 서버"}
	case FlowNodeToECR:
		return Text{EN: "node → ECR (image pull)", KO: "노드 → ECR(이미지 가져오기)"}
	}
	return raw(f)
}

// Label is the view's title: what the diagram shows, as its caption and
// its accessible name say.
func (v View) Label() Text {
	switch v {
	case ViewOverview:
		return Text{EN: "Amazon EKS overview: what AWS runs, what you run", KO: "Amazon EKS 개요: AWS가 운영하는 것과 사용자가 운영하는 것"}
	case ViewControlPlane:
		return Text{EN: "EKS control plane across three availability zones", KO: "세 가용 영역에 걸친 EKS 컨트롤 플레인"}
	case ViewDataPlane:
		return Text{EN: "EKS data plane: worker nodes and pods in your VPC", KO: "EKS 데이터 플레인: 사용자 VPC의 워커 노드와 파드"}
	case ViewEndpoints:
		return Text{EN: "Cluster endpoint access", KO: "클러스터 엔드포인트 액세스"}
	}
	return raw(v)
}

// Label names the network a hop crosses, as the legend and the event
// list's badges show it.
func (n Network) Label() Text {
	switch n {
	case NetInternet:
		return Text{EN: "Internet", KO: "인터넷"}
	case NetAWSPublic:
		return Text{EN: "AWS public path", KO: "AWS 퍼블릭 경로"}
	case NetAWS:
		return Text{EN: "AWS private network", KO: "AWS 내부 네트워크"}
	case NetVPC:
		return Text{EN: "Inside the VPC", KO: "VPC 내부"}
	case NetConnected:
		return Text{EN: "Connected network", KO: "연결된 네트워크"}
	}
	return raw(n)
}

// Label says where kubectl runs.
func (l Location) Label() Text {
	switch l {
	case LocInternet:
		return Text{EN: "Internet (admin laptop)", KO: "인터넷(관리자 노트북)"}
	case LocVPC:
		return Text{EN: "Inside the VPC (bastion host)", KO: "VPC 안(배스천 호스트)"}
	case LocConnected:
		return Text{EN: "Connected network (VPN, Direct Connect, peering), own DNS", KO: "연결된 네트워크(VPN, Direct Connect, 피어링), 자체 DNS"}
	case LocConnectedDNS:
		return Text{EN: "Connected network with DNS forwarding to the VPC", KO: "VPC로 DNS 포워딩하는 연결된 네트워크"}
	}
	return raw(l)
}

// Label says where the worker nodes run and how they get out.
func (n NodePlacement) Label() Text {
	switch n {
	case NodesPublic:
		return Text{EN: "Public subnets (nodes with public IPs)", KO: "퍼블릭 서브넷(퍼블릭 IP가 있는 노드)"}
	case NodesPrivateNAT:
		return Text{EN: "Private subnets with a NAT gateway", KO: "NAT 게이트웨이가 있는 프라이빗 서브넷"}
	case NodesPrivateIsolated:
		return Text{EN: "Private subnets without internet access", KO: "인터넷 경로가 없는 프라이빗 서브넷"}
	}
	return raw(n)
}

// Label names the service a VPC endpoint reaches, with its endpoint name.
func (s Service) Label() Text {
	switch s {
	case SvcECRAPI:
		return Text{EN: "Amazon ECR API (ecr.api)", KO: "Amazon ECR API(ecr.api)"}
	case SvcECRDKR:
		return Text{EN: "Amazon ECR registry (ecr.dkr)", KO: "Amazon ECR 레지스트리(ecr.dkr)"}
	case SvcS3:
		return Text{EN: "Amazon S3, gateway endpoint (s3)", KO: "Amazon S3 게이트웨이 엔드포인트(s3)"}
	case SvcSTS:
		return Text{EN: "AWS STS (sts)", KO: "AWS STS(sts)"}
	case SvcEC2:
		return Text{EN: "Amazon EC2 API (ec2)", KO: "Amazon EC2 API(ec2)"}
	case SvcLogs:
		return Text{EN: "Amazon CloudWatch Logs (logs)", KO: "Amazon CloudWatch Logs(logs)"}
	case SvcELB:
		return Text{EN: "Elastic Load Balancing (elasticloadbalancing)", KO: "Elastic Load Balancing(elasticloadbalancing)"}
	}
	return raw(s)
}

// Label names the kind of subnet, as subnet boxes are captioned.
func (k SubnetKind) Label() Text {
	switch k {
	case SubnetPublic:
		return Text{EN: "Public subnet", KO: "퍼블릭 서브넷"}
	case SubnetPrivate:
		return Text{EN: "Private subnet", KO: "프라이빗 서브넷"}
	}
	return raw(k)
}

// Label says which addresses a DNS answer holds and whose they are.
func (a Answer) Label() Text {
	switch a {
	case AnswerPublic:
		return Text{EN: "public IPs (NLB)", KO: "퍼블릭 IP(NLB)"}
	case AnswerPrivate:
		return Text{EN: "private IPs (EKS-owned ENIs)", KO: "프라이빗 IP(EKS 소유 ENI)"}
	case AnswerEndpoint:
		return Text{EN: "private IPs (interface VPC endpoint)", KO: "프라이빗 IP(인터페이스 VPC 엔드포인트)"}
	case AnswerService:
		return Text{EN: "public IPs (AWS service)", KO: "퍼블릭 IP(AWS 서비스)"}
	case AnswerNone:
		return Text{EN: "no answer", KO: "응답 없음"}
	}
	return raw(a)
}

// raw shows an unknown name as itself in both languages, so a value that
// slipped past parsing is visible rather than blank.
func raw[T ~string](v T) Text { return Text{EN: string(v), KO: string(v)} }
