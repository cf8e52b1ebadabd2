package params

import (
	"fmt"
	"net/netip"
	"strconv"
	"strings"

	"github.com/ekstutor/ekstutor/internal/i18n"
	"github.com/ekstutor/ekstutor/internal/topology"
)

// The checks of the open-set configuration fields: lists and addresses.
// Each problem is its own sentence naming the parameter and what it
// accepts, so a form can show every one beside the field. Korean system
// messages ask with ~해 주세요 (the style guide's register for them).

// checkCIDRs reads the public access CIDRs: IPv4 network addresses with a
// prefix length, each once, at most topology.MaxPublicAccessCIDRs. The
// canonical form is the list as given, in netip's spelling.
func checkCIDRs(v string) (string, []text) {
	if strings.TrimSpace(v) == "" {
		return "", []text{{
			EN: "cidrs is empty: list at least one IPv4 CIDR block, e.g. 0.0.0.0/0 (the EKS default, anyone) or 203.0.113.0/24.",
			KO: "cidrs: 값이 비어 있습니다. IPv4 CIDR 블록을 하나 이상 넣어 주세요(예: EKS 기본값인 0.0.0.0/0 또는 203.0.113.0/24).",
		}}
	}
	var problems []text
	var canon []string
	seen := map[netip.Prefix]bool{}
	parts := strings.Split(v, ",")
	for _, raw := range parts {
		p, problem := checkCIDR(strings.TrimSpace(raw))
		if problem != nil {
			problems = append(problems, *problem)
			continue
		}
		if seen[p] {
			problems = append(problems, text{
				EN: fmt.Sprintf("cidrs lists %s twice: list each block once.", p),
				KO: fmt.Sprintf("cidrs: %s 블록이 두 번 들어 있습니다. 블록마다 한 번만 넣어 주세요.", p),
			})
			continue
		}
		seen[p] = true
		canon = append(canon, p.String())
	}
	if n := len(parts); n > topology.MaxPublicAccessCIDRs {
		max := strconv.Itoa(topology.MaxPublicAccessCIDRs)
		problems = append(problems, text{
			EN: fmt.Sprintf("cidrs lists %d blocks: EKS allows at most %s public access CIDRs per cluster; merge neighbouring blocks into wider ones.", n, max),
			KO: fmt.Sprintf("cidrs: 블록이 %d개입니다. EKS는 클러스터마다 퍼블릭 액세스 CIDR을 최대 %s개까지 허용하므로, 이웃한 블록을 더 넓은 블록으로 합쳐 주세요.", n, max),
		})
	}
	return strings.Join(canon, ","), problems
}

// checkCIDR reads one block of the list.
func checkCIDR(s string) (netip.Prefix, *text) {
	if s == "" {
		return netip.Prefix{}, &text{
			EN: "cidrs has an empty entry between commas: remove the extra comma.",
			KO: "cidrs: 쉼표 사이에 빈 항목이 있습니다. 남는 쉼표를 지워 주세요.",
		}
	}
	p, err := netip.ParsePrefix(s)
	if err != nil {
		if a, aerr := netip.ParseAddr(s); aerr == nil && a.Is4() {
			one := netip.PrefixFrom(a, 32).String()
			return p, &text{
				EN: fmt.Sprintf("cidrs: %s has no prefix length: write %s for that one address.", s, one),
				KO: fmt.Sprintf("cidrs: %s에는 접두사 길이가 없습니다. 그 주소 하나만이라면 %s로 써 주세요.", s, one),
			}
		}
		if strings.Contains(s, ":") {
			return p, ipv6CIDR(s)
		}
		return p, &text{
			EN: fmt.Sprintf("cidrs: %q is not a CIDR block: write an IPv4 address, a slash and a prefix length from 0 to 32, e.g. 203.0.113.0/24.", Shown(s)),
			KO: fmt.Sprintf("cidrs: %q 값은 CIDR 블록이 아닙니다. IPv4 주소, 빗금, 0부터 32까지의 접두사 길이를 203.0.113.0/24처럼 이어서 써 주세요.", Shown(s)),
		}
	}
	if !p.Addr().Is4() {
		return p, ipv6CIDR(s)
	}
	if m := p.Masked(); m != p {
		return p, &text{
			EN: fmt.Sprintf("cidrs: %s has address bits set past its prefix length: write the block's network address, %s.", s, m),
			KO: fmt.Sprintf("cidrs: %s 블록은 접두사 길이 뒤의 주소 비트가 채워져 있습니다. 블록의 네트워크 주소인 %s로 써 주세요.", s, m),
		}
	}
	return p, nil
}

func ipv6CIDR(s string) *text {
	return &text{
		EN: fmt.Sprintf("cidrs: %s is an IPv6 block, and this IPv4 cluster accepts only IPv4 public access CIDRs (EKS refuses IPv6 ones): give IPv4 blocks, e.g. 203.0.113.0/24.", s),
		KO: fmt.Sprintf("cidrs: %s IPv6 블록인데, 이 IPv4 클러스터는 IPv4 퍼블릭 액세스 CIDR만 받습니다(EKS는 IPv6 CIDR을 거부합니다). 203.0.113.0/24처럼 IPv4 블록을 넣어 주세요.", i18n.WithParticle(s, "은/는")),
	}
}

// checkIPv4 reads one IPv4 address in canonical spelling (no leading
// zeros, no zone), for the parameter name.
func checkIPv4(name string) func(string) (string, []text) {
	return func(v string) (string, []text) {
		a, err := netip.ParseAddr(v)
		if err == nil && a.Is4() && a.String() == v {
			return v, nil
		}
		return "", []text{{
			EN: fmt.Sprintf("%s=%q is not an IPv4 address: write four numbers from 0 to 255 with dots, e.g. 203.0.113.10.", name, Shown(v)),
			KO: fmt.Sprintf("%s=%q 값은 IPv4 주소가 아닙니다. 203.0.113.10처럼 0부터 255까지의 수 네 개를 점으로 이어 써 주세요.", name, Shown(v)),
		}}
	}
}

// checkEndpoints reads the VPC endpoints: names of topology.Services(),
// comma-separated, empty for none. The canonical form lists each once in
// the enumerator's order, so equal sets share one address.
func checkEndpoints(v string) (string, []text) {
	if v == "" {
		return "", nil
	}
	have := map[topology.Service]bool{}
	var problems []text
	for _, raw := range strings.Split(v, ",") {
		s, err := topology.ParseService(strings.TrimSpace(raw))
		if err != nil {
			problems = append(problems, text{
				EN: fmt.Sprintf("endpoints: %q is not a VPC endpoint the lab knows (accepted: %s).", Shown(raw), joinNames(topology.Services())),
				KO: fmt.Sprintf("endpoints: %q 값은 쓸 수 없는 VPC 엔드포인트입니다(가능한 값: %s).", Shown(raw), joinNames(topology.Services())),
			})
			continue
		}
		have[s] = true
	}
	var canon []string
	for _, s := range topology.Services() {
		if have[s] {
			canon = append(canon, string(s))
		}
	}
	return strings.Join(canon, ","), problems
}

// joinPrefixes is the canonical spelling of a CIDR list.
func joinPrefixes(ps []netip.Prefix) string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
	}
	return strings.Join(out, ",")
}

// joinNames lists a vocabulary for messages.
func joinNames[T ~string](vs []T) string { return strings.Join(names(vs), ", ") }
