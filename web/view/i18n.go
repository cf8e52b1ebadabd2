// Package view holds the tutor's templ components: one file per page, each
// with a typed view model. Components never call services; handlers fill
// the view models.
package view

// messages are the interface strings in each language. Chapter text lives
// in content/; these are only the words around it.
var messages = map[string]map[string]string{
	"en": {
		"site":          "EKS Tutor",
		"tagline":       "Learn how Amazon EKS is built: control plane, data plane and every packet in between.",
		"skip":          "Skip to content",
		"nav":           "Main",
		"course":        "Course",
		"glossary":      "Glossary",
		"switch":        "한국어",
		"switchLabel":   "이 페이지를 한국어로 보기",
		"toc":           "On this page",
		"chapter":       "Chapter",
		"minRead":       "min read",
		"prev":          "Previous",
		"next":          "Next",
		"chapters":      "Chapters",
		"homeIntro":     "Ten chapters, from what EKS is to what it costs. Each one builds on the one before; the diagrams are drawn from one model of the cluster, so every picture agrees with every other.",
		"glossaryIntro": "Every term the course uses, with a one-line definition and the chapter that teaches it.",
		"taughtIn":      "Taught in",
		"notFound":      "Page not found",
		"notFoundText":  "There is no page at this address. It may have moved, or the link may have a typo.",
		"badRequest":    "That request could not be understood",
		"serverError":   "Something went wrong on our side",
		"serverText":    "The error has been logged. Please try again in a moment.",
		"backHome":      "Back to the course",
		"footer":        "EKS Tutor teaches the architecture of Amazon EKS. Not affiliated with Amazon Web Services.",
	},
	"ko": {
		"site":          "EKS 튜터",
		"tagline":       "Amazon EKS가 어떻게 만들어졌는지 배웁니다: 컨트롤 플레인, 데이터 플레인, 그리고 그 사이를 오가는 모든 패킷.",
		"skip":          "본문으로 건너뛰기",
		"nav":           "주 메뉴",
		"course":        "강의 목차",
		"glossary":      "용어집",
		"switch":        "English",
		"switchLabel":   "Read this page in English",
		"toc":           "이 페이지의 내용",
		"chapter":       "챕터",
		"minRead":       "분 분량",
		"prev":          "이전",
		"next":          "다음",
		"chapters":      "챕터 목록",
		"homeIntro":     "EKS가 무엇인지부터 비용까지, 열 개의 챕터로 구성되어 있습니다. 각 챕터는 앞 챕터를 바탕으로 이어지며, 모든 다이어그램은 하나의 클러스터 모델에서 그려지므로 그림끼리 서로 어긋나지 않습니다.",
		"glossaryIntro": "강의에서 쓰는 모든 용어를 한 줄 정의와 함께 모았습니다. 각 용어를 자세히 다루는 챕터로 바로 이동할 수 있습니다.",
		"taughtIn":      "다루는 챕터",
		"notFound":      "페이지를 찾을 수 없습니다",
		"notFoundText":  "이 주소에는 페이지가 없습니다. 주소가 바뀌었거나 링크에 오타가 있을 수 있습니다.",
		"badRequest":    "요청을 이해할 수 없습니다",
		"serverError":   "서버에서 문제가 발생했습니다",
		"serverText":    "오류는 기록되었습니다. 잠시 후 다시 시도해 주세요.",
		"backHome":      "강의 목차로 돌아가기",
		"footer":        "EKS 튜터는 Amazon EKS의 아키텍처를 가르칩니다. Amazon Web Services와 관련이 없습니다.",
	},
}

// T returns the interface string key in lang, falling back to English.
func T(lang, key string) string {
	if s, ok := messages[lang][key]; ok {
		return s
	}
	return messages["en"][key]
}
