package i18n

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestPreferred(t *testing.T) {
	for header, want := range map[string]Lang{
		"":                          EN,
		"ko-KR,ko;q=0.9,en;q=0.8":   KO,
		"en-US,en;q=0.9,ko;q=0.8":   EN,
		"fr-FR,ko;q=0.5":            KO,
		"ko;q=0, en;q=0.1":          EN,
		"de":                        EN,
		"KO":                        KO,
		"en;q=0.5, ko;q=0.5":        EN,
		"ko;q=0.4, en;q=notanumber": EN,
	} {
		assert.Equal(t, want, Preferred(header), "Accept-Language %q", header)
	}
}

func TestOtherAndSupported(t *testing.T) {
	for _, l := range List() {
		assert.True(t, Supported(l))
		assert.NotEqual(t, l, Other(l))
		assert.Equal(t, l, Other(Other(l)))
	}
	assert.False(t, Supported("fr"))
	assert.False(t, Supported(""))
}

func TestCheckKorean(t *testing.T) {
	assert.Empty(t, CheckKorean("사용자 VPC의 프라이빗 서브넷에 있는 워커 노드는 고객 관리형 KMS 키로 봉투 암호화를 씁니다. 이전 장을 보십시오."))
	assert.Empty(t, CheckKorean("역할에 고객 관리형 정책을 붙이고, 고객 관리형 키로 암호화합니다."), "AWS product names keep 고객")
	for _, bad := range []string{"고객 VPC", "고객 관리형 노드", "고객 관리형", "고객관리형 VPC", "공인 IP", "사설 IP", "공용 인터넷", "프로덕션", "다음 챕터", "객체",
		"데몬셋", "네트워크 로드 밸런서", "희망 크기", "프리픽스 위임", "DNS 전달", "클러스터를 이전할 때", "상태를 가진",
		"스케줄되지", "평범한", "이 튜터", "역할을 맡는", "정보원", "NLB(으)로", "IP을(를)"} {
		assert.NotEmpty(t, CheckKorean(bad), bad)
	}
}
