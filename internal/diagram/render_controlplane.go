package diagram

import (
	"fmt"

	"github.com/ekstutor/ekstutor/internal/topology"
)

// Control-plane layout: the AWS-managed VPC fills the region, with the NLB
// in front of three AZ columns, an Auto Scaling group across the API
// servers and one across etcd; the customer VPC is a strip below where the
// EKS-owned ENIs sit.
const (
	cpW, cpH   = 1280, 860
	cpTopChanY = 150 // the NLB's fan-out to the API servers
)

var (
	cpInternet = Box{16, 16, 220, 708}
	cpRegion   = Box{256, 16, 1008, 708}
	cpAWSVPC   = Box{276, 48, 972, 552}
	cpCustVPC  = Box{276, 620, 972, 92}
	cpKubectl  = Box{36, 315, 172, 60}
	cpNLB      = Box{300, 300, 120, 90}
	cpASGAPI   = Box{450, 112, 790, 178}
	cpASGEtcd  = Box{450, 386, 790, 124}
)

func cpAZ(i int) Box   { return Box{460 + i*262, 84, 248, 496} }
func cpAPI(i int) Box  { return Box{cpAZ(i).X + 20, 184, 180, 90} }
func cpEtcd(i int) Box { return Box{cpAZ(i).X + 20, 410, 180, 70} }
func cpENI(i int) Box  { return Box{cpAZ(i).X + 172, 640, 120, 56} }

// cpLaneX is the lane from an API server down to its AZ's EKS-owned ENI.
func cpLaneX(i int) int { return cpAZ(i).X + 232 }

var (
	lblASGAPI        = T{EN: "Auto Scaling group · API servers (at least 2)", KO: "Auto Scaling 그룹 · API 서버(최소 2개)"}
	lblASGEtcd       = T{EN: "Auto Scaling group · etcd (3 instances, its own)", KO: "Auto Scaling 그룹 · etcd(전용 인스턴스 3개)"}
	descControlPlane = T{
		EN: "The EKS control plane runs in an AWS-managed VPC in an AWS account. A Network Load Balancer receives requests for the cluster endpoint (from kubectl on the internet here) and spreads them over the API servers, one per availability zone a, b and c, in an Auto Scaling group. Each API server talks to all three etcd instances, which run in their own Auto Scaling group, with client-side load balancing. The API servers reach into the customer VPC through EKS-owned ENIs.",
		KO: "EKS 컨트롤 플레인은 AWS 계정의 AWS 관리형 VPC에서 실행됩니다. NLB가 클러스터 엔드포인트로 오는 요청(여기서는 인터넷의 kubectl)을 받아 Auto Scaling 그룹에 속한 가용 영역 a, b, c의 API 서버로 분산합니다. 각 API 서버는 전용 Auto Scaling 그룹에서 실행되는 etcd 세 인스턴스 모두와 클라이언트 측 로드 밸런싱으로 통신합니다. API 서버는 EKS 소유 ENI를 통해 사용자 VPC로 들어갑니다.",
	}
)

// drawControlPlane draws the control plane across three AZs.
func drawControlPlane(c *canvas) {
	cfg := c.o.config()
	t := topology.Build(cfg)
	s := newScene(cpW, cpH)
	c.w, c.h = s.w, s.h
	c.title = topology.ViewControlPlane.Label().In(c.lang)
	c.desc = []string{c.title + ".", descControlPlane.In(c.lang)}
	awsAZs := azCount(t, topology.ZoneAWSManaged, 3)
	custAZs := azCount(t, topology.ZoneCustomerVPC, 3)

	if z, ok := zoneOf(t, topology.ZoneInternet); ok {
		s.addZone(cpInternet, "zone zone--internet", z.Name.In(c.lang))
	}
	s.addZone(cpRegion, "zone zone--region", lblRegion.In(c.lang))
	s.addZone(cpAWSVPC, "zone zone--aws-managed", lblAWSVPC.In(c.lang))
	for i := 0; i < awsAZs; i++ {
		s.addZone(cpAZ(i), "az", azName(c.lang, i))
	}
	s.addZone(cpASGAPI, "asg", lblASGAPI.In(c.lang))
	s.addZoneBottom(cpASGEtcd, "asg", lblASGEtcd.In(c.lang))
	s.addZone(cpCustVPC, "zone zone--vpc", lblCustVPC.In(c.lang))
	placeAll(s, t, awsAZs, custAZs, func(comp topology.Component, az int) (Box, bool) {
		switch comp.ID {
		case topology.Kubectl:
			return cpKubectl, comp.Zone == topology.ZoneInternet
		case topology.NLB:
			return cpNLB, true
		case topology.APIServer:
			return cpAPI(az), true
		case topology.Etcd:
			return cpEtcd(az), true
		case topology.EKSENI:
			return cpENI(az), az < awsAZs
		}
		return Box{}, false
	})

	drawZones(c, s)
	drawComps(c, s, func(p placed) bool {
		if p.id != topology.APIServer {
			return false
		}
		c.text(p.box.CX(), p.box.Y+30, "comp-label", "middle", compName(p, c.lang))
		chip := Box{p.box.X + 24, p.box.Y + 50, p.box.W - 48, 26}
		c.rect(chip, "chip", "rx", "4")
		c.text(chip.CX(), chip.Y+18, "label-small", "middle", lblClientLB.In(c.lang))
		return true
	})
	drawModelLinks(c, s, t, cpRoute)
	drawEtcdFanOut(c, s)
	drawNotes(c, 748)
	drawLegendOf(c, 16, cpH-44, []topology.Network{topology.NetInternet, topology.NetAWS})
	drawCaption(c, cpH-44, lblEndpointName.In(c.lang))
}

// cpRoute routes the control-plane view's links.
func cpRoute(a, b placed) []Point {
	A, B := a.box, b.box
	switch {
	case a.id == topology.NLB && b.id == topology.APIServer:
		lane := A.X2() + 20
		return []Point{{A.X2(), A.CY()}, {lane, A.CY()}, {lane, cpTopChanY}, {B.CX(), cpTopChanY}, {B.CX(), B.Y}}
	case a.id == topology.APIServer && b.id == topology.EKSENI:
		x := cpLaneX(a.az)
		return []Point{{A.X2(), A.CY()}, {x, A.CY()}, {x, B.Y}}
	case a.id == topology.APIServer && b.id == topology.Etcd:
		return nil // drawn as the client-side fan-out instead
	}
	return autoRoute(A, B)
}

// drawEtcdFanOut draws client-side load balancing: every API server holds
// a connection to every etcd instance.
func drawEtcdFanOut(c *canvas, s *scene) {
	apis, etcds := s.instances(topology.APIServer), s.instances(topology.Etcd)
	c.open("g", "class", "fan-out", "data-a", string(topology.APIServer), "data-b", string(topology.Etcd))
	for _, i := range apis {
		a, _ := s.at(topology.APIServer, i)
		for _, j := range etcds {
			e, _ := s.at(topology.Etcd, j)
			x1 := a.box.CX() + (j-1)*50
			x2 := e.box.CX() + (i-1)*50
			c.empty("path", "class", "link link--aws link--thin", "d", fmt.Sprintf("M%d %d L%d %d", x1, a.box.Y2(), x2, e.box.Y), "fill", "none")
		}
	}
	c.close("g")
}
