package topology

// How many availability zones each VPC spans. The control plane runs in
// three AZs (chapter 2). The customer VPC uses two, the minimum EKS accepts
// for cluster subnets (chapter 3). Nothing below depends on the number:
// per-AZ components are one Component with PerAZ set, and views draw one
// instance per AZ, so moving the customer VPC to three AZs is this constant.
const (
	managedAZs  = 3
	customerAZs = 2
)

// Build returns the topology for cfg: the zones, the components and the
// links between them. Components are always present, so every view of every
// configuration lays out the same boxes; links depend on cfg, because they
// say what the network can carry (there is no public NLB address to reach
// while public access is off, and a node in a private subnet has no direct
// route to the internet gateway).
//
// Build does not validate cfg: an invalid client location simply gets no
// client links. Resolve validates.
func Build(cfg Config) Topology {
	return Topology{
		Zones:      buildZones(),
		Components: buildComponents(cfg),
		Links:      buildLinks(cfg),
	}
}

func buildZones() []Zone {
	return []Zone{
		{ID: ZoneInternet, Name: Text{EN: "Internet", KO: "인터넷"}},
		{ID: ZoneConnected, Name: Text{
			EN: "Connected network (VPN, Direct Connect, peering)",
			KO: "연결된 네트워크(VPN, Direct Connect, 피어링)",
		}},
		{ID: ZoneAWSManaged, AZs: managedAZs, Name: Text{EN: "AWS-managed VPC", KO: "AWS 관리형 VPC"}},
		{ID: ZoneCustomerVPC, AZs: customerAZs, Name: Text{EN: "Customer VPC", KO: "사용자 VPC"}},
		{ID: ZoneAWSServices, Name: Text{EN: "AWS services in the Region", KO: "리전의 AWS 서비스"}},
	}
}

// buildComponents lists the components in a fixed order (outside to inside)
// so that JSON and diagrams are deterministic.
//
// The NAT gateway is PerAZ: one per AZ, each node leaving through the one in
// its own AZ, which is the layout AWS recommends for AZ independence. A
// single shared NAT gateway (eksctl's vpc.nat.gateway: Single) saves cost
// and would be a future Config field; the flows do not change with it.
func buildComponents(cfg Config) []Component {
	return []Component{
		kubectlComponent(cfg.Client),
		{ID: PublicDNS, Zone: ZoneInternet, Name: Text{EN: "Public DNS", KO: "퍼블릭 DNS"}},
		{ID: VPCDNS, Zone: ZoneCustomerVPC, Name: Text{
			EN: "VPC resolver (Route 53 private hosted zone)",
			KO: "VPC DNS 리졸버(Route 53 프라이빗 호스팅 영역)",
		}},
		{ID: NLB, Zone: ZoneAWSManaged, Name: Text{EN: "Network Load Balancer (NLB)", KO: "Network Load Balancer(NLB)"}},
		{ID: APIServer, Zone: ZoneAWSManaged, PerAZ: true, Name: Text{EN: "API server", KO: "API 서버"}},
		{ID: Etcd, Zone: ZoneAWSManaged, PerAZ: true, Name: Text{EN: "etcd", KO: "etcd"}},
		// The EKS-owned ENIs sit in the cluster subnets, which in this
		// model are the node subnets.
		{ID: EKSENI, Zone: ZoneCustomerVPC, Subnet: cfg.Nodes.Subnet(), PerAZ: true, Name: Text{EN: "EKS-owned ENI", KO: "EKS 소유 ENI"}},
		{ID: Kubelet, Zone: ZoneCustomerVPC, Subnet: cfg.Nodes.Subnet(), PerAZ: true, Name: Text{
			EN: "Worker node (kubelet)", KO: "워커 노드(kubelet)",
		}},
		{ID: IGW, Zone: ZoneCustomerVPC, Name: Text{EN: "Internet gateway (IGW)", KO: "인터넷 게이트웨이(IGW)"}},
		{ID: NATGateway, Zone: ZoneCustomerVPC, Subnet: SubnetPublic, PerAZ: true, Name: Text{EN: "NAT gateway", KO: "NAT 게이트웨이"}},
		{ID: InterfaceEndpoints, Zone: ZoneCustomerVPC, Subnet: SubnetPrivate, Name: Text{
			EN: "Interface VPC endpoints", KO: "인터페이스 VPC 엔드포인트",
		}},
		{ID: S3Gateway, Zone: ZoneCustomerVPC, Name: Text{EN: "S3 gateway endpoint", KO: "S3 게이트웨이 엔드포인트"}},
		{ID: ECRAPI, Zone: ZoneAWSServices, Name: Text{EN: "Amazon ECR API", KO: "Amazon ECR API"}},
		{ID: ECRRegistry, Zone: ZoneAWSServices, Name: Text{EN: "Amazon ECR registry", KO: "Amazon ECR 레지스트리"}},
		{ID: S3, Zone: ZoneAWSServices, Name: Text{EN: "Amazon S3 (image layers)", KO: "Amazon S3(이미지 레이어)"}},
	}
}

// kubectlComponent places the admin's client. Inside the VPC it is a
// bastion host in a public subnet, the usual way an admin gets in.
func kubectlComponent(loc Location) Component {
	c := Component{ID: Kubectl, Zone: ZoneInternet, Name: Text{EN: "kubectl (admin laptop)", KO: "kubectl(관리자 노트북)"}}
	switch loc {
	case LocVPC:
		c.Zone, c.Subnet = ZoneCustomerVPC, SubnetPublic
		c.Name = Text{EN: "kubectl (bastion host)", KO: "kubectl(배스천 호스트)"}
	case LocConnected, LocConnectedDNS:
		c.Zone = ZoneConnected
		c.Name = Text{EN: "kubectl (on premises or peered VPC)", KO: "kubectl(온프레미스 또는 피어링된 VPC)"}
	}
	return c
}

// buildLinks wires the components for cfg. The order is fixed: client
// links, node links, then the control plane.
func buildLinks(cfg Config) []Link {
	var ls []Link
	add := func(a, b ComponentID, n Network) { ls = append(ls, Link{A: a, B: b, Network: n}) }

	switch cfg.Client {
	case LocInternet:
		add(Kubectl, PublicDNS, NetInternet)
	case LocVPC:
		add(Kubectl, VPCDNS, NetVPC)
		add(Kubectl, EKSENI, NetVPC)
		add(Kubectl, IGW, NetVPC) // the bastion's public subnet routes to the IGW
	case LocConnected:
		// A connected network with its own DNS asks public DNS for the
		// endpoint's name (the curriculum's "known pain point"); its
		// packets to private IPs still go over the VPN or Direct Connect.
		add(Kubectl, PublicDNS, NetInternet)
		add(Kubectl, EKSENI, NetConnected)
	case LocConnectedDNS:
		// Its DNS forwards the endpoint's name over the link to the VPC
		// resolver (a Route 53 Resolver inbound endpoint or similar).
		add(Kubectl, VPCDNS, NetConnected)
		add(Kubectl, EKSENI, NetConnected)
	}
	// Only a public endpoint has a public address. An internet client
	// reaches it directly; a connected network through its own internet
	// breakout, not back through the VPC.
	if cfg.PublicAccess && (cfg.Client == LocInternet || cfg.Client.connected()) {
		add(Kubectl, NLB, NetInternet)
	}

	add(Kubelet, VPCDNS, NetVPC)
	switch cfg.Nodes {
	case NodesPublic:
		add(Kubelet, IGW, NetVPC) // a public subnet's route table points at the IGW
	case NodesPrivateNAT:
		add(Kubelet, NATGateway, NetVPC) // a private subnet's default route is the NAT gateway
	}
	// Isolated nodes have no route out: no link to either gateway.
	add(NATGateway, IGW, NetVPC)
	// Out through the internet gateway to the NLB's public address: the
	// public path, but on Amazon's network, not across the internet.
	if cfg.PublicAccess {
		add(IGW, NLB, NetAWSPublic)
	}

	add(NLB, APIServer, NetAWS)
	add(APIServer, Etcd, NetAWS)
	add(APIServer, EKSENI, NetAWS)
	add(EKSENI, Kubelet, NetVPC)
	return append(ls, serviceLinks(cfg)...)
}

// serviceLinks wire the Regional AWS services a node pulls images from.
// Their public endpoints are reached through the internet gateway, on
// Amazon's network; the VPC endpoints of Config.Endpoints add private
// doors: interface endpoints reached inside the VPC, the S3 gateway
// endpoint as a route table target.
func serviceLinks(cfg Config) []Link {
	var ls []Link
	add := func(a, b ComponentID, n Network) { ls = append(ls, Link{A: a, B: b, Network: n}) }
	for _, svc := range []ComponentID{ECRAPI, ECRRegistry, S3} {
		add(IGW, svc, NetAWSPublic)
	}
	if cfg.HasEndpoint(SvcECRAPI) || cfg.HasEndpoint(SvcECRDKR) {
		add(Kubelet, InterfaceEndpoints, NetVPC)
	}
	if cfg.HasEndpoint(SvcECRAPI) {
		add(InterfaceEndpoints, ECRAPI, NetAWS)
	}
	if cfg.HasEndpoint(SvcECRDKR) {
		add(InterfaceEndpoints, ECRRegistry, NetAWS)
	}
	if cfg.HasEndpoint(SvcS3) {
		add(Kubelet, S3Gateway, NetVPC)
		add(S3Gateway, S3, NetAWS)
	}
	return ls
}
