package i18n

import "regexp"

// StyleRule is one "never" entry of the Korean style guide
// (../shared/korean-style.md): a pattern that must not appear in Korean
// text a learner reads, and what to write instead.
type StyleRule struct {
	Pattern *regexp.Regexp
	Use     string
}

// KoreanNever lists the style guide's "never" column as patterns. Every
// Korean surface (chapters, glossary, catalog, diagram labels, hop reasons)
// is checked against it by tests, so the one voice cannot drift back.
var KoreanNever = []StyleRule{
	{regexp.MustCompile(`고객\s*(VPC|계정)`), "사용자 VPC, 사용자 계정"},
	{regexp.MustCompile(`고객\s*관리형\s*(?:[^K\s]|$)`), "사용자 관리형 (고객 관리형 only in 고객 관리형 KMS 키)"},
	{regexp.MustCompile(`내\s*계정`), "사용자 계정"},
	{regexp.MustCompile(`공인|사설`), "퍼블릭 / 프라이빗"},
	{regexp.MustCompile(`공용`), "퍼블릭"},
	{regexp.MustCompile(`프로덕션`), "운영 환경"},
	{regexp.MustCompile(`챕터`), "장"},
	{regexp.MustCompile(`객체`), "오브젝트"},
	{regexp.MustCompile(`데몬셋|인그레스`), "DaemonSet, Ingress (Kubernetes kinds in English)"},
	{regexp.MustCompile(`네트워크\s*로드\s*밸런서`), "Network Load Balancer (NLB)"},
	{regexp.MustCompile(`희망\s*크기`), "원하는 크기"},
	{regexp.MustCompile(`프리픽스`), "접두사"},
	{regexp.MustCompile(`DNS\s*전달`), "DNS 포워딩"},
	{regexp.MustCompile(`이전(하|했|할|한|을|을\s*위해|\s*작업)`), "마이그레이션 (이전 reads as \"previous\")"},
	{regexp.MustCompile(`상태를\s*가진`), "상태 저장(stateful)"},
	{regexp.MustCompile(`스케줄되`), "스케줄링되다"},
	{regexp.MustCompile(`평범한`), "일반"},
	{regexp.MustCompile(`튜터`), "이 강좌"},
	{regexp.MustCompile(`역할을\s*맡`), "역할 수임(assume)"},
	{regexp.MustCompile(`정보원`), "출처, 근거 (정보원 reads as \"informant\")"},
	{regexp.MustCompile(`\(으\)로|을\(를\)|를\(을\)|이\(가\)|가\(이\)|은\(는\)|는\(은\)|와\(과\)|과\(와\)`), "a particle chosen from the name's last sound (i18n.Particle)"},
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
			out = append(out, KoreanViolation{Found: m, Use: r.Use})
		}
	}
	return out
}
