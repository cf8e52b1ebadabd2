package i18n

// The words of a room's live poll (web/view/polls.templ, static/js/room-poll.js).
func init() { part(pollsEN, pollsKO) }

var pollsEN = map[string]string{
	"poll.heading":    "Live poll",
	"poll.none":       "No poll is open. Pick a quiz question or type one below, then open it.",
	"poll.open":       "Open a poll",
	"poll.pick":       "Quiz question",
	"poll.typeOwn":    "— Type my own question below —",
	"poll.typed":      "Or type a question",
	"poll.text":       "Question (up to 300 characters)",
	"poll.option":     "Option %s",
	"poll.answer":     "Right answer (optional)",
	"poll.noAnswer":   "None: an opinion poll",
	"poll.openButton": "Open the poll",
	"poll.reveal":     "Reveal the answer",
	"poll.close":      "Close the poll",
	"poll.count":      "%d answered",
	"poll.total":      "Answers so far: %d",
	"poll.right":      "right answer",
	"poll.send":       "Send my answer",
	"poll.counted":    "Your answer is counted.",
	"poll.opinion":    "This poll has no right answer: it asked for opinions.",
}

var pollsKO = map[string]string{
	"poll.heading":    "실시간 투표",
	"poll.none":       "열린 투표가 없습니다. 아래에서 퀴즈 문항을 고르거나 질문을 직접 쓴 뒤 여십시오.",
	"poll.open":       "투표 열기",
	"poll.pick":       "퀴즈 문항",
	"poll.typeOwn":    "— 아래에 질문을 직접 씁니다 —",
	"poll.typed":      "또는 질문 직접 쓰기",
	"poll.text":       "질문(300자까지)",
	"poll.option":     "선택지 %s",
	"poll.answer":     "정답(선택)",
	"poll.noAnswer":   "없음: 의견을 묻는 투표",
	"poll.openButton": "투표 열기",
	"poll.reveal":     "정답 공개",
	"poll.close":      "투표 닫기",
	"poll.count":      "%d명",
	"poll.total":      "지금까지 답한 사람: %d명",
	"poll.right":      "정답",
	"poll.send":       "답 보내기",
	"poll.counted":    "답이 집계되었습니다.",
	"poll.opinion":    "이 투표에는 정답이 없습니다. 의견을 물었습니다.",
}
