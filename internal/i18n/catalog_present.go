package i18n

// Presenter mode's words: the Present link on every figure, the bar of
// step links that stands in for the keys, and the help overlay's lines.
func init() { part(presentEN, presentKO) }

var presentEN = map[string]string{
	"present":              "Present",
	"presentBar":           "Presenter controls",
	"presentFirst":         "First",
	"presentPrev":          "Previous",
	"presentNext":          "Next",
	"presentLast":          "Last",
	"presentPrevFlow":      "Previous flow",
	"presentNextFlow":      "Next flow",
	"presentLeave":         "Leave",
	"presentBlackedOut":    "The screen is blacked out. Press B to show it again.",
	"presentKeyNext":       "Next step",
	"presentKeyPrev":       "Previous step",
	"presentKeyEnds":       "First step, last step",
	"presentKeyFlow":       "Previous flow, next flow (from its first step)",
	"presentKeyFullscreen": "Full screen on or off",
	"presentKeyBlackout":   "Black out the screen, or show it again",
	"presentKeyLeave":      "Leave presenter mode",
}

var presentKO = map[string]string{
	"present":              "발표",
	"presentBar":           "발표자 모드 조작",
	"presentFirst":         "처음",
	"presentPrev":          "이전",
	"presentNext":          "다음",
	"presentLast":          "마지막",
	"presentPrevFlow":      "이전 흐름",
	"presentNextFlow":      "다음 흐름",
	"presentLeave":         "나가기",
	"presentBlackedOut":    "화면을 가렸습니다. 다시 보려면 B를 누르십시오.",
	"presentKeyNext":       "다음 단계",
	"presentKeyPrev":       "이전 단계",
	"presentKeyEnds":       "첫 단계, 마지막 단계",
	"presentKeyFlow":       "이전 흐름, 다음 흐름(첫 단계부터)",
	"presentKeyFullscreen": "전체 화면 켜기, 끄기",
	"presentKeyBlackout":   "화면 가리기, 다시 보이기",
	"presentKeyLeave":      "발표자 모드 나가기",
}
