package i18n

// The header navigation's words that no page already has: the sections'
// own page titles ("glossary", "lab", "room.title"…) name the rest, so a
// section is called the same in the header as on its page. The exercises'
// index (/{lang}/exercises) is listed here too: the header is what leads
// to it.
func init() { part(navEN, navKO) }

var navEN = map[string]string{
	"nav.exercises":  "Exercises",
	"exercisesIntro": "Each exercise has one cluster configuration and one flow. Pick the components the packet passes, in order, or the one where it stops. The same resolver that draws the diagrams checks your answer.",
}

var navKO = map[string]string{
	"nav.exercises":  "연습 문제",
	"exercisesIntro": "연습마다 클러스터 구성 하나와 흐름 하나가 있습니다. 패킷이 지나는 구성 요소를 순서대로 고르거나, 패킷이 멈추는 곳을 고르십시오. 답은 다이어그램을 그리는 경로 계산기가 채점합니다.",
}
