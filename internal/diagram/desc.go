package diagram

import (
	"fmt"

	"github.com/ekstutor/ekstutor/internal/topology"
)

// Sentences of the text equivalents.
var (
	descMap = T{
		EN: "Left: the internet (admin laptop, public DNS) and a connected network. Right: the AWS Cloud region with the AWS-managed VPC of the EKS control plane on top (Network Load Balancer, API servers and etcd in three availability zones) and the customer VPC below (internet gateway on its edge, VPC resolver, and in two availability zones a public subnet with a NAT gateway and a private subnet with a worker node and an EKS-owned ENI).",
		KO: "왼쪽은 인터넷(관리자 노트북, 퍼블릭 DNS)과 연결된 네트워크입니다. 오른쪽은 AWS 클라우드 리전으로, 위에는 EKS 컨트롤 플레인의 AWS 관리형 VPC(NLB, 세 가용 영역의 API 서버와 etcd), 아래에는 사용자 VPC(가장자리의 인터넷 게이트웨이, VPC DNS 리졸버, 두 가용 영역마다 NAT 게이트웨이가 있는 퍼블릭 서브넷과 워커 노드·EKS 소유 ENI가 있는 프라이빗 서브넷)가 있습니다.",
	}
	descCrosses  = T{EN: "crosses the internet", KO: "인터넷을 건넘"}
	descPrivate  = T{EN: "does not cross the internet", KO: "인터넷을 건너지 않음"}
	descPublic   = T{EN: "takes the public path on the AWS network, not the internet", KO: "인터넷이 아닌 AWS 네트워크의 퍼블릭 경로를 거침"}
	descBlocked  = T{EN: "blocked at %s: %s", KO: "%s에서 차단됨: %s"}
	descStepDNS  = T{EN: "%d. DNS lookup %s → %s (%s), answer: %s. %s", KO: "%d. DNS 조회 %s → %s (%s), 응답: %s. %s"}
	descStepHop  = T{EN: "%d. %s → %s (%s). %s", KO: "%d. %s → %s (%s). %s"}
	descFlowHead = T{EN: "Flow %s, %s, in %d steps:", KO: "흐름 %s, %s, %d단계:"}
)

// endpointsDesc is the text equivalent of the endpoint view: the layout,
// then every step of the selected flow, or a line per flow.
func endpointsDesc(c *canvas, s *scene, res topology.Result, sel *topology.Flow) []string {
	out := []string{c.title + ".", descMap.In(c.lang)}
	if sel == nil {
		for _, f := range res.Flows {
			out = append(out, f.ID.Label().In(c.lang)+": "+flowSummary(c, s, f)+".")
		}
		return out
	}
	out = append(out, fmt.Sprintf(descFlowHead.In(c.lang), sel.ID.Label().In(c.lang), flowSummary(c, s, *sel), len(sel.Steps)))
	for i, st := range sel.Steps {
		from, to := nameOf(s, st.From, c.lang), nameOf(s, st.To, c.lang)
		net := st.Network.Label().In(c.lang)
		if st.Kind == topology.StepDNS {
			ans := st.Answer.Label().In(c.lang)
			out = append(out, fmt.Sprintf(descStepDNS.In(c.lang), i+1, from, to, net, ans, st.Reason.In(c.lang)))
			continue
		}
		out = append(out, fmt.Sprintf(descStepHop.In(c.lang), i+1, from, to, net, st.Reason.In(c.lang)))
	}
	return out
}

// flowSummary says whether a flow crosses the internet or takes the public
// path on Amazon's network, or where it stops.
func flowSummary(c *canvas, s *scene, f topology.Flow) string {
	if f.Blocked != nil {
		return fmt.Sprintf(descBlocked.In(c.lang), nameOf(s, f.Blocked.At, c.lang), f.Blocked.Reason.In(c.lang))
	}
	if f.CrossesInternet {
		return descCrosses.In(c.lang)
	}
	if f.PublicPath {
		return descPublic.In(c.lang)
	}
	return descPrivate.In(c.lang)
}

// nameOf names a component from the model, or by its ID if the scene
// does not draw it.
func nameOf(s *scene, id topology.ComponentID, lang string) string {
	for _, p := range s.comps {
		if p.id == id {
			return compName(p, lang)
		}
	}
	return string(id)
}
