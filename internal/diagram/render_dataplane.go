package diagram

import (
	"fmt"

	"github.com/ekstutor/ekstutor/internal/topology"
)

// Data-plane layout: the control plane as a strip on top, the customer VPC
// below with one private subnet per AZ, each holding a worker node (its
// agents, pods with VPC IPs and its ENI) and an EKS-owned ENI.
const dpW, dpH = 1280, 770

var (
	dpAWSVPC  = Box{16, 16, 1248, 112}
	dpCustVPC = Box{16, 152, 1248, 490}
)

func dpAZ(i int) Box     { return Box{36 + i*616, 188, 596, 440} }
func dpSubnet(i int) Box { return Box{dpAZ(i).X + 14, 214, 568, 400} }
func dpNode(i int) Box   { return Box{dpSubnet(i).X + 14, 236, 392, 330} }
func dpENI(i int) Box    { return Box{dpSubnet(i).X + 426, 250, 128, 64} }

// dpAPI spreads the API servers along the strip, the first above the
// first EKS-owned ENI.
func dpAPI(i int) Box {
	cx := dpENI(0).CX() + i*308
	return Box{cx - 75, 56, 150, 52}
}

// subnetIP is an address in AZ i's subnet, 10.0.(i+1).host.
func subnetIP(i, host int) string { return fmt.Sprintf("10.0.%d.%d", i+1, host) }

var (
	lblVPCCIDR    = T{EN: " · 10.0.0.0/16", KO: " · 10.0.0.0/16"}
	lblCNI        = T{EN: "VPC CNI (aws-node DaemonSet)", KO: "VPC CNI(aws-node DaemonSet)"}
	lblNodeENI    = T{EN: "node ENI · %s + secondary IPs for pods", KO: "노드 ENI · %s + 파드용 보조 IP"}
	lblCNIAssign  = T{EN: "the CNI puts pod IPs on the node's ENIs", KO: "CNI가 파드 IP를 노드 ENI에 할당"}
	descDataPlane = T{
		EN: "Worker nodes run in private subnets of the customer VPC, one per availability zone. Each node runs kubelet, kube-proxy and containerd, and the VPC CNI (the aws-node DaemonSet) gives every pod an IP address from the subnet, for example 10.0.1.23, as a secondary IP on the node's ENI. Above, the API servers of the AWS-managed control plane reach each node through an EKS-owned ENI in the same subnet.",
		KO: "워커 노드는 사용자 VPC의 프라이빗 서브넷에 가용 영역마다 하나씩 실행됩니다. 각 노드에는 kubelet, kube-proxy, containerd가 실행되고, VPC CNI(aws-node DaemonSet)가 모든 파드에 서브넷의 IP(예: 10.0.1.23)를 노드 ENI의 보조 IP로 할당합니다. 위쪽 AWS 관리형 컨트롤 플레인의 API 서버는 같은 서브넷의 EKS 소유 ENI를 통해 각 노드에 닿습니다.",
	}
)

// drawDataPlane draws nodes, pods with VPC IPs, the VPC CNI and the
// EKS-owned ENIs linking back to the control plane.
func drawDataPlane(c *canvas) {
	cfg := c.o.config()
	t := topology.Build(cfg)
	s := newScene(dpW, dpH)
	c.w, c.h = s.w, s.h
	c.title = topology.ViewDataPlane.Label().In(c.lang)
	c.desc = []string{c.title + ".", descDataPlane.In(c.lang)}
	awsAZs := azCount(t, topology.ZoneAWSManaged, 3)
	custAZs := azCount(t, topology.ZoneCustomerVPC, 2)

	s.addZone(dpAWSVPC, "zone zone--aws-managed", lblAWSVPC.In(c.lang))
	s.addZone(dpCustVPC, "zone zone--vpc", lblCustVPC.In(c.lang)+lblVPCCIDR.In(c.lang))
	for i := 0; i < custAZs; i++ {
		s.addZone(dpAZ(i), "az", azName(c.lang, i))
		s.addZoneBottom(dpSubnet(i), "subnet subnet--private", topology.SubnetPrivate.Label().In(c.lang)+" · "+subnetIP(i, 0)+"/24")
	}
	placeAll(s, t, awsAZs, custAZs, func(comp topology.Component, az int) (Box, bool) {
		switch comp.ID {
		case topology.APIServer:
			return dpAPI(az), true
		case topology.Kubelet:
			return dpNode(az), true
		case topology.EKSENI:
			return dpENI(az), true
		}
		return Box{}, false
	})

	drawZones(c, s)
	drawComps(c, s, func(p placed) bool {
		switch p.id {
		case topology.Kubelet:
			drawNodeDetail(c, p)
		case topology.EKSENI:
			centredLabel(c, p.box, compName(p, c.lang), -8)
			c.text(p.box.CX(), p.box.Y2()-10, "label-small label-muted", "middle", subnetIP(p.az, 200))
		case topology.APIServer:
			c.text(p.box.CX(), p.box.Y+22, "comp-label", "middle", compName(p, c.lang))
			c.text(p.box.CX(), p.box.Y+41, "label-small label-muted", "middle", azName(c.lang, p.az))
		default:
			return false
		}
		return true
	})
	drawModelLinks(c, s, t, dpRoute)
	drawNotes(c, 668)
	drawLegendOf(c, 16, dpH-44, []topology.Network{topology.NetAWS, topology.NetVPC})
	drawCaption(c, dpH-44, lblDataPlane.In(c.lang))
}

// dpRoute joins an EKS-owned ENI to its node's kubelet chip (the
// rightmost agent), and everything else straight.
func dpRoute(a, b placed) []Point {
	if a.id == topology.Kubelet && b.id == topology.EKSENI {
		return reversed(dpRoute(b, a))
	}
	if a.id == topology.EKSENI && b.id == topology.Kubelet {
		y := b.box.Y + 60
		return []Point{{a.box.X, y}, {b.box.X2() - 12, y}}
	}
	if a.id == topology.EKSENI && b.id == topology.APIServer {
		return reversed(dpRoute(b, a))
	}
	if a.id == topology.APIServer && b.id == topology.EKSENI {
		// Down into the gap between the two VPCs, across, then down onto
		// the ENI: never through a node box.
		const gapY = 140
		return []Point{{a.box.CX(), a.box.Y2()}, {a.box.CX(), gapY}, {b.box.CX(), gapY}, {b.box.CX(), b.box.Y}}
	}
	return autoRoute(a.box, b.box)
}

// drawNodeDetail draws what runs on a worker node: the agents, the VPC
// CNI, pods with IPs from the subnet and the node's ENI holding them.
func drawNodeDetail(c *canvas, p placed) {
	b := p.box
	c.text(b.X+12, b.Y+24, "comp-label label-strong", "start", compName(p, c.lang))
	const chipW, gap = 116, 10
	x0 := b.X + 12
	for i, agent := range []string{"containerd", "kube-proxy", "kubelet"} {
		chip := Box{x0 + i*(chipW+gap), b.Y + 44, chipW, 32}
		c.rect(chip, "chip chip--agent", "rx", "4")
		c.text(chip.CX(), chip.Y+21, "label-small", "middle", agent)
	}
	cni := Box{x0, b.Y + 88, 3*chipW + 2*gap, 32}
	c.rect(cni, "chip chip--cni", "rx", "4")
	c.text(cni.CX(), cni.Y+21, "label-small", "middle", lblCNI.In(c.lang))

	eni := Box{x0, b.Y + 270, 3*chipW + 2*gap, 40}
	hosts := []int{23, 57, 88}
	for i, h := range hosts {
		pod := Box{x0 + i*(chipW+gap), b.Y + 150, chipW, 64}
		c.empty("path", "class", "link link--vpc link--thin", "d",
			fmt.Sprintf("M%d %d L%d %d", pod.CX(), pod.Y2(), pod.CX(), eni.Y), "fill", "none")
		c.rect(pod, "pod", "rx", "6")
		c.text(pod.CX(), pod.Y+26, "label-small", "middle", T{EN: "pod", KO: "파드"}.In(c.lang))
		c.text(pod.CX(), pod.Y+46, "label-small label-strong-ip", "middle", subnetIP(p.az, h))
	}
	c.text(cni.X, b.Y+140, "note", "start", "↓ "+lblCNIAssign.In(c.lang))
	c.rect(eni, "chip chip--eni", "rx", "4")
	c.text(eni.CX(), eni.Y+25, "label-small", "middle", fmt.Sprintf(lblNodeENI.In(c.lang), subnetIP(p.az, 10)))
}
