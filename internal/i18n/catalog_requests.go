package i18n

// The words of a request body the tutor could not read: a form whose
// encoding is broken or that came as another media type, and JSON that is
// not what the address takes (%s: what is wrong with it, in the parser's
// words, which name a field or the place but never echo the body).
func init() { part(requestsEN, requestsKO) }

var requestsEN = map[string]string{
	"request.error.formUnreadable": "The form could not be read: its encoding is broken (a %% not followed by two hex digits, or a multipart body without its boundary). Send it again from the tutor's page.",
	"request.error.formType":       "Send the form as a form: application/x-www-form-urlencoded or multipart/form-data.",
	"request.error.answerJSON":     `The answer is not the JSON this address takes (%s). Send {"path": ["kubelet", ...]}, the component IDs in the order the packet passes them.`,
}

var requestsKO = map[string]string{
	"request.error.formUnreadable": "양식을 읽을 수 없습니다. 인코딩이 잘못되었습니다(%% 뒤에 16진수 두 자리가 없거나, multipart 본문에 경계(boundary)가 없습니다). 강좌 페이지에서 다시 보내 주세요.",
	"request.error.formType":       "양식은 application/x-www-form-urlencoded 또는 multipart/form-data 형식으로 보내 주세요.",
	"request.error.answerJSON":     `답이 이 주소가 받는 JSON이 아닙니다(%s). {"path": ["kubelet", ...]} 형식으로, 패킷이 지나는 순서대로 구성 요소 ID를 넣어 보내 주세요.`,
}
