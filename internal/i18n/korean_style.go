package i18n

import "regexp"

// StyleRule is one "never" entry of the Korean style guide
// (../shared/korean-style.md): a pattern that must not appear in Korean
// text a learner reads, and what to write instead.
type StyleRule struct {
	Pattern *regexp.Regexp
	Use     string
	// Allow, when set, exempts a match it matches: the AWS product names
	// the guide keeps (고객 관리형 KMS 키, 고객 관리형 정책), which a
	// negative lookahead would say but Go's regexp cannot.
	Allow *regexp.Regexp
}

// KoreanNever lists the style guide's "never" column as patterns. Every
// Korean surface (chapters, glossary, catalog, diagram labels, hop reasons)
// is checked against it by tests, so the one voice cannot drift back.
var KoreanNever = []StyleRule{
	{Pattern: regexp.MustCompile(`고객\s*(VPC|계정)`), Use: "사용자 VPC, 사용자 계정"},
	{Pattern: regexp.MustCompile(`고객\s*관리형(?:\s*\S+)?`), Use: "사용자 관리형 (고객 관리형 only in AWS names: 고객 관리형 KMS 키, 고객 관리형 정책)",
		Allow: regexp.MustCompile(`^고객\s*관리형\s*(?:KMS|키|정책)`)},
	{Pattern: regexp.MustCompile(`내\s*계정`), Use: "사용자 계정"},
	{Pattern: regexp.MustCompile(`공인|사설`), Use: "퍼블릭 / 프라이빗"},
	{Pattern: regexp.MustCompile(`공용`), Use: "퍼블릭"},
	{Pattern: regexp.MustCompile(`프로덕션`), Use: "운영 환경"},
	{Pattern: regexp.MustCompile(`챕터`), Use: "장"},
	{Pattern: regexp.MustCompile(`객체`), Use: "오브젝트"},
	{Pattern: regexp.MustCompile(`데몬셋|인그레스`), Use: "DaemonSet, Ingress (Kubernetes kinds in English)"},
	{Pattern: regexp.MustCompile(`네트워크\s*로드\s*밸런서`), Use: "Network Load Balancer (NLB)"},
	{Pattern: regexp.MustCompile(`희망\s*크기`), Use: "원하는 크기"},
	{Pattern: regexp.MustCompile(`프리픽스`), Use: "접두사"},
	{Pattern: regexp.MustCompile(`DNS\s*전달`), Use: "DNS 포워딩"},
	{Pattern: regexp.MustCompile(`이전(하|했|할|한|을|을\s*위해|\s*작업)`), Use: "마이그레이션 (이전 reads as \"previous\")"},
	{Pattern: regexp.MustCompile(`상태를\s*가진`), Use: "상태 저장(stateful)"},
	{Pattern: regexp.MustCompile(`스케줄되`), Use: "스케줄링되다"},
	{Pattern: regexp.MustCompile(`평범한`), Use: "일반"},
	{Pattern: regexp.MustCompile(`튜터`), Use: "이 강좌"},
	{Pattern: regexp.MustCompile(`역할을\s*맡`), Use: "역할 수임(assume)"},
	{Pattern: regexp.MustCompile(`정보원`), Use: "출처, 근거 (정보원 reads as \"informant\")"},
	{Pattern: regexp.MustCompile(`\(으\)로|을\(를\)|를\(을\)|이\(가\)|가\(이\)|은\(는\)|는\(은\)|와\(과\)|과\(와\)`), Use: "a particle chosen from the name's last sound (i18n.Particle)"},
}

// KoreanViolation is one place where Korean text breaks the style guide.
type KoreanViolation struct {
	Found string // the text that matched
	Use   string // what the guide says to write instead
}

// CheckKorean returns every "never" term found in s.
func CheckKorean(s string) []KoreanViolation {
	var out []KoreanViolation
	for _, r := range KoreanNever {
		for _, m := range r.Pattern.FindAllString(s, -1) {
			if r.Allow != nil && r.Allow.MatchString(m) {
				continue
			}
			out = append(out, KoreanViolation{Found: m, Use: r.Use})
		}
	}
	return out
}
