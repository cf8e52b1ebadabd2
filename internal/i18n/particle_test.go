package i18n

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestWithParticle(t *testing.T) {
	tests := []struct{ word, pair, want string }{
		// Acronyms by the Korean names of their letters, or as words.
		{"NLB", "이/가", "NLB가"},   // 비
		{"RBAC", "은/는", "RBAC은"}, // 알백
		{"IAM", "은/는", "IAM은"},   // 엠
		{"ENI", "은/는", "ENI는"},   // 아이
		{"IP", "이/가", "IP가"},     // 피
		{"VPC", "을/를", "VPC를"},   // 씨
		{"URL", "으로/로", "URL로"},  // 엘: ㄹ takes 로
		{"URL", "을/를", "URL을"},   // but 을 all the same
		{"NAT", "을/를", "NAT을"},   // 낫
		{"kubectl", "이/가", "kubectl이"},
		{"kubectl", "으로/로", "kubectl로"},
		{"kubelet", "과/와", "kubelet과"},
		{"Fargate", "은/는", "Fargate는"},
		{"Karpenter", "이/가", "Karpenter가"},
		{"containerd", "을/를", "containerd를"}, // 디
		// Numbers as they are read.
		{"443", "이/가", "443이"}, // 삼
		{"443", "으로/로", "443으로"},
		{"10250", "으로/로", "10250으로"}, // 오십
		{"8", "으로/로", "8로"},          // 팔
		{"2", "이/가", "2가"},           // 이
		{"10", "이/가", "10이"},         // 십
		{"HTTPS 443", "을/를", "HTTPS 443을"},
		// Hangul by its final consonant.
		{"API 서버", "이/가", "API 서버가"},
		{"NAT 게이트웨이", "으로/로", "NAT 게이트웨이로"},
		{"EKS 소유 ENI", "을/를", "EKS 소유 ENI를"},
		{"퍼블릭 서브넷", "으로/로", "퍼블릭 서브넷으로"},
		{"서울", "으로/로", "서울로"},
		{"인터넷 게이트웨이(IGW)", "을/를", "인터넷 게이트웨이(IGW)를"}, // the gloss is skipped
		{"가용 영역(AZ)", "은/는", "가용 영역(AZ)은"},
		{"노드의 kubelet", "과/와", "노드의 kubelet과"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, WithParticle(tt.word, tt.pair), "%s + %s", tt.word, tt.pair)
	}
	assert.Equal(t, "가", Particle("NLB", "이/가"))
	assert.Panics(t, func() { Particle("NLB", "이가") }, "a pair without / is a programming error")
}
