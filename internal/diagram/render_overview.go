package diagram

import "github.com/ekstutor/ekstutor/internal/topology"

// Overview texts.
var (
	descOverview = T{
		EN: "The upper half is AWS-managed: the EKS control plane runs in a VPC in an AWS account, behind a Network Load Balancer, with API servers and etcd in three availability zones; AWS runs, patches, scales and replaces it. The lower half is customer-managed: your VPC with its subnets, routes, internet gateway, NAT gateways and worker nodes, which you run. EKS-owned ENIs in your subnets join the two. Lines show the links of the model, coloured by the network they cross.",
		KO: "위쪽 절반은 AWS 관리형입니다. EKS 컨트롤 플레인은 AWS 계정의 VPC에서 NLB 뒤에 세 가용 영역의 API 서버와 etcd로 실행되며, AWS가 운영·패치·확장·교체합니다. 아래쪽 절반은 사용자 관리형입니다. 서브넷, 라우팅, 인터넷 게이트웨이, NAT 게이트웨이, 워커 노드가 있는 사용자 VPC는 사용자가 운영합니다. 사용자 서브넷의 EKS 소유 ENI가 둘을 잇습니다. 선은 모델의 링크이며 지나는 네트워크별 색으로 표시합니다.",
	}
)

// drawOverview draws the map with every link of the model and the line
// between what AWS runs and what you run.
func drawOverview(c *canvas) {
	cfg := c.o.config()
	t := topology.Build(cfg)
	s := mapScene(t, cfg, c.lang, false)
	c.w, c.h = s.w, s.h
	c.title = topology.ViewOverview.Label().In(c.lang)
	c.desc = []string{c.title + ".", descOverview.In(c.lang)}

	drawZones(c, s)
	drawComps(c, s, nil)
	drawModelLinks(c, s, t, mapRoute)
	// Top right of each half, clear of the lanes down to the ENIs.
	drawResponsibility(c, boxAWSVPC.X2()-12, boxAWSVPC.Y+6, "responsibility responsibility--aws", lblAWSManagedHalf, lblAWSRuns)
	drawResponsibility(c, eniBox(topology.SubnetPrivate, 1).CX()-16, boxCustVPC.Y+6, "responsibility responsibility--customer", lblCustHalf, lblYouRun)
	drawLegend(c, 16, mapH-44, false)
	drawCaption(c, mapH-44, lblControlPlane.In(c.lang)+": AWS · "+lblDataPlane.In(c.lang)+": "+lblYouRunShort.In(c.lang))
}

var lblYouRunShort = T{EN: "you (with AWS help by node type)", KO: "사용자 (노드 유형에 따라 AWS 도움)"}

// drawResponsibility writes who runs a half, in a pill ending at x2.
func drawResponsibility(c *canvas, x2, y int, class string, head, body T) {
	c.open("g", "class", class)
	text := head.In(c.lang) + " · " + body.In(c.lang)
	w := textWidth(text, sizeSmall) + 20
	pill := Box{x2 - w, y, w, 24}
	c.rect(pill, "responsibility-box", "rx", "12")
	c.text(pill.X2()-10, pill.Y+17, "responsibility-label", "end", text)
	c.close("g")
}

// drawModelLinks draws every link of the model between the instances it
// joins: same AZ to same AZ, or one to each instance of a per-AZ end.
func drawModelLinks(c *canvas, s *scene, t topology.Topology, route func(a, b placed) []Point) {
	c.open("g", "class", "links")
	for _, l := range t.Links {
		for _, pr := range linkPairs(s, l.A, l.B) {
			pts := route(pr[0], pr[1])
			if len(pts) < 2 {
				continue
			}
			c.empty("path", "class", "link link--"+string(l.Network), "data-a", string(l.A), "data-b", string(l.B),
				"d", pathD(pts), "fill", "none")
		}
	}
	c.close("g")
}

// linkPairs lists the instance pairs a link between a and b is drawn for.
func linkPairs(s *scene, a, b topology.ComponentID) [][2]placed {
	ia, ib := s.instances(a), s.instances(b)
	var out [][2]placed
	for _, x := range ia {
		for _, y := range ib {
			if x >= 0 && y >= 0 && x != y {
				continue // per-AZ on both ends: same AZ only
			}
			pa, _ := s.at(a, x)
			pb, _ := s.at(b, y)
			out = append(out, [2]placed{pa, pb})
		}
	}
	return out
}
