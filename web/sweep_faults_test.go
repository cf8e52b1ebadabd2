package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// The faults the sweep sends: each breaks one thing of a valid request
// and returns the words a 4xx message about it must contain one of (nil:
// any message in the request's language will do, since several answers
// are right, e.g. a 2xx that ignores it).
type sweepFault struct {
	name  string
	on    func(method string, kind bodyKind) bool // nil: every request
	apply func(q *sweepReq) []string
}

const mega = 1 << 20

var (
	megaString = strings.Repeat("a", mega)
	// The values a huge number overflows in every integer type.
	hugeNumbers = []string{"99999999999999999999999999", "1e309", "-1", "0x10", "NaN"}
)

// firstParam is the name of the query's first parameter, or fallback.
func firstParam(query, fallback string) (name, rest string) {
	if query == "" {
		return fallback, ""
	}
	pair, rest, _ := strings.Cut(query, "&")
	name, _, _ = strings.Cut(pair, "=")
	return name, rest
}

func withParam(query, pair string) string {
	if query == "" {
		return pair
	}
	return query + "&" + pair
}

func queryFault(name, pair string, names ...string) sweepFault {
	return sweepFault{name: "query " + name, apply: func(q *sweepReq) []string {
		q.query = withParam(q.query, pair)
		return names
	}}
}

func headerFault(name, header, value string, names ...string) sweepFault {
	return sweepFault{name: "header " + name, apply: func(q *sweepReq) []string {
		q.header.Set(header, value)
		return names
	}}
}

var sweepQueryFaults = func() []sweepFault {
	fs := []sweepFault{
		queryFault("unknown parameter", "zzunknown=1", "zzunknown"),
		queryFault("empty name", "=1"),
		queryFault("only separators", "&&&=&"),
		queryFault("huge unknown parameter (1 MB)", "zzhuge="+megaString, "zzhuge"),
		queryFault("huge name (1 MB)", megaString+"=1"),
		queryFault("invalid UTF-8 name", "zz%ff=1", "zz"),
		queryFault("invalid UTF-8 value", "mode=%ff%fe", "mode"),
		queryFault("raw invalid UTF-8", "zz\xff=\xfe", "zz"),
		queryFault("broken escape in a value", "mode=%zz", "mode"),
		queryFault("broken escape in a name", "%zz=1", "%zz"),
		queryFault("cut escape", "zz=%4", "zz"),
		queryFault("lone percent", "zz=%", "zz"),
		queryFault("unknown language", "lang=xx", "lang"),
		queryFault("presenter flag not 1", "present=2", "present"),
		queryFault("semicolon separator", "mode=public;flow=x", "mode"),
		queryFault("unknown mode", "mode=zzmode", "mode"),
		queryFault("word for a number", "step=abc", "step"),
		{name: "query huge value of its own parameter (1 MB)", apply: func(q *sweepReq) []string {
			name, rest := firstParam(q.query, "mode")
			q.query = withParam(rest, name+"="+megaString)
			return []string{name}
		}},
		{name: "query repeated parameter", apply: func(q *sweepReq) []string {
			name, _ := firstParam(q.query, "mode")
			if q.query == "" {
				q.query = "mode=public&mode=public"
			} else {
				q.query += "&" + q.query
			}
			return []string{name}
		}},
		{name: "query wrong value of its own parameter", apply: func(q *sweepReq) []string {
			name, rest := firstParam(q.query, "mode")
			q.query = withParam(rest, name+"=zz-not-a-value")
			return []string{name}
		}},
	}
	for _, n := range hugeNumbers {
		fs = append(fs, queryFault("step="+n, "step="+n, "step"))
	}
	return fs
}()

var sweepHeaderFaults = []sweepFault{
	{name: "header huge Accept-Language (1 MB)", apply: func(q *sweepReq) []string {
		q.header.Set("Accept-Language", strings.Repeat("zz-ZZ;q=0.1, ", mega/13)+q.header.Get("Accept-Language"))
		return nil
	}},
	{name: "header garbled Accept-Language", apply: func(q *sweepReq) []string {
		q.header.Set("Accept-Language", "**;q=abc,,;;,=,x;q=1e9999,"+q.header.Get("Accept-Language")+";q=0.5")
		return nil
	}},
	headerFault("If-None-Match: a lone quote", "If-None-Match", `"`),
	headerFault("If-None-Match: W/ alone", "If-None-Match", `W/`),
	headerFault("If-None-Match: *", "If-None-Match", `*`),
	headerFault("If-None-Match: invalid UTF-8", "If-None-Match", "\"\xff\xfe\""),
	headerFault("huge If-None-Match (1 MB)", "If-None-Match", strings.Repeat(`"a", `, mega/5)),
	headerFault("garbled Accept-Encoding", "Accept-Encoding", "br;q=abc, gzip;q=-1, *;q="),
	headerFault("garbled Content-Type", "Content-Type", "\xff/;;;=="),
}

// authFault replaces the presenter's token; a route that wanted it must
// say the token is what is wrong.
func authFault(name, value string) sweepFault {
	return sweepFault{name: "header Authorization: " + name, apply: func(q *sweepReq) []string {
		had := q.header.Get("Authorization") != ""
		q.header.Set("Authorization", value)
		if had {
			return []string{"Authorization", "token", "토큰"}
		}
		return nil
	}}
}

var sweepAuthFaults = []sweepFault{
	authFault("Bearer without a token", "Bearer"),
	authFault("Basic", "Basic Zm9vOmJhcg=="),
	authFault("wrong token", "Bearer zz-not-the-token"),
	authFault("invalid UTF-8", "Bearer \xff\xfe"),
	authFault("huge token (1 MB)", "Bearer "+megaString),
	{name: "header Cookie: garbled presenter cookie", apply: func(q *sweepReq) []string {
		had := q.header.Get("Cookie") != ""
		q.header.Set("Cookie", presenterCookie+"=\xff; ;;=; "+participantCookie+"=zz")
		if had {
			return []string{"token", "토큰", "participant", "참여자"}
		}
		return nil
	}},
}

func bodyIn(kinds ...bodyKind) func(string, bodyKind) bool {
	return func(method string, k bodyKind) bool {
		return method != http.MethodGet && method != http.MethodHead && slices.Contains(kinds, k)
	}
}

func bodyFault(name string, kinds []bodyKind, body string, names ...string) sweepFault {
	return sweepFault{name: "body " + name, on: bodyIn(kinds...), apply: func(q *sweepReq) []string {
		q.body = []byte(body)
		return names
	}}
}

var (
	jsonBodies = []bodyKind{bodyJSON, bodyPaste}
	formBodies = []bodyKind{bodyForm, bodyPaste}
	anyBody    = []bodyKind{bodyNone, bodyJSON, bodyForm, bodyPaste}
	overLimit  = strings.Repeat("a", maxFormBytes+1)
)

var sweepBodyFaults = []sweepFault{
	bodyFault("cut-off JSON", []bodyKind{bodyJSON}, `{"path": [`, "JSON"),
	bodyFault("JSON array", []bodyKind{bodyJSON}, `[]`, "JSON"),
	bodyFault("JSON null", []bodyKind{bodyJSON}, `null`),
	bodyFault("JSON unknown field", []bodyKind{bodyJSON}, `{"zzunknown": 1}`, "zzunknown"),
	bodyFault("empty JSON", []bodyKind{bodyJSON}, ``),
	bodyFault("JSON nested 10,000 deep", []bodyKind{bodyJSON}, strings.Repeat("[", 10000), "JSON"),
	bodyFault("not JSON", jsonBodies, "{,"),
	bodyFault("invalid UTF-8 JSON", jsonBodies, "{\"name\": \"\xff\xfe\"}"),
	{name: "body JSON with a field of the wrong type", on: bodyIn(bodyJSON), apply: func(q *sweepReq) []string {
		var m map[string]any
		if json.Unmarshal(q.body, &m) != nil || len(m) == 0 {
			return nil
		}
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		if _, isString := m[keys[0]].(string); isString {
			m[keys[0]] = 12345
		} else {
			m[keys[0]] = "zz"
		}
		q.body, _ = json.Marshal(m)
		return []string{keys[0]}
	}},
	{name: "body JSON with a 64 KB string", on: bodyIn(bodyJSON), apply: func(q *sweepReq) []string {
		return setFirstJSON(q, strings.Repeat("a", maxFormBytes-100))
	}},
	{name: "body JSON with a string of control characters", on: bodyIn(bodyJSON), apply: func(q *sweepReq) []string {
		return setFirstJSON(q, "\x00\x1b[31m\u2028<script>")
	}},
	{name: "body JSON with trailing garbage", on: bodyIn(bodyJSON), apply: func(q *sweepReq) []string {
		q.body = append(q.body, "}}"...)
		return nil
	}},
	bodyFault("broken form escape", formBodies, "%zz=1&config=%"),
	bodyFault("form of invalid UTF-8", formBodies, "\xff\xfe=\x00&step=%ff"),
	{name: "body form with an unknown field", on: bodyIn(bodyForm), apply: func(q *sweepReq) []string {
		q.body = []byte(withParam(string(q.body), "zzfield=1"))
		return nil // most forms take what they know and leave the rest
	}},
	{name: "body form with a wrong value in each field", on: bodyIn(bodyForm), apply: func(q *sweepReq) []string {
		return setFormValues(q, "zz-not-a-value")
	}},
	{name: "body form with a 60 KB value in each field", on: bodyIn(bodyForm), apply: func(q *sweepReq) []string {
		return setFormValues(q, strings.Repeat("a", maxFormBytes-4<<10))
	}},
	{name: "body form with each field twice", on: bodyIn(bodyForm), apply: func(q *sweepReq) []string {
		q.body = []byte(withParam(string(q.body), string(q.body)))
		return nil
	}},
	{name: "body form sent as JSON", on: bodyIn(bodyForm), apply: func(q *sweepReq) []string {
		q.header.Set("Content-Type", "application/json")
		return nil
	}},
	{name: "body form as text/plain", on: bodyIn(formBodies...), apply: func(q *sweepReq) []string {
		q.header.Set("Content-Type", "text/plain")
		return nil
	}},
	{name: "body multipart without a boundary", on: bodyIn(formBodies...), apply: func(q *sweepReq) []string {
		q.header.Set("Content-Type", "multipart/form-data")
		return nil
	}},
	{name: "body multipart that is not", on: bodyIn(formBodies...), apply: func(q *sweepReq) []string {
		q.header.Set("Content-Type", "multipart/form-data; boundary=zz")
		q.body = []byte("--zz\r\nnot a part\r\n")
		return nil
	}},
	bodyFault("over the limit", anyBody, overLimit, "65536"),
	{name: "body over the limit, chunked", on: bodyIn(jsonBodies...), apply: func(q *sweepReq) []string {
		q.body, q.chunked = []byte(`{"text": "`+overLimit+`"}`), true
		return []string{"65536"}
	}},
	{name: "body form over the limit, chunked", on: bodyIn(formBodies...), apply: func(q *sweepReq) []string {
		q.body, q.chunked = []byte("zz="+overLimit), true
		return []string{"65536"}
	}},
}

// sweepMethods are the methods tried on every route: the ones it does
// not take must be 405s.
var sweepMethods = []string{http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch,
	http.MethodDelete, http.MethodOptions, http.MethodTrace, "BREW"}

// sweepBadPathValues are the wrong values of each path parameter.
var sweepBadPathValues = map[string][]string{
	"slug":   {"no-such-chapter", "raw:%ff", "raw:%2e%2e", strings.Repeat("x", 10000), "GLOSSARY"},
	"code":   {"ZZZ-ZZZ", "x", "raw:%ff", "raw:%2e%2e%2Fhealthz", megaString},
	"id":     {"no-such-exercise", "raw:%ff", strings.Repeat("x", 10000)},
	"format": {"yaml", "raw:%ff", megaString},
	"file":   {"nope.svg", "overview.png", "overview", "raw:%ff.svg"},
	"*":      {"nope.css", "raw:..%2F..%2Fgo.mod", "raw:%ff"},
}

// pathNames are the words a 404 for a bad path value must use: the
// value itself, when it is short enough to quote.
func pathNames(param, v string) []string {
	switch {
	case param == "code":
		return []string{"code", "코드"}
	case (param == "id" || param == "format") && len(v) < 100 && utf8.ValidString(v) && !strings.HasPrefix(v, "raw:"):
		return []string{v}
	}
	return nil
}

// setFirstJSON puts v in the first string member of a JSON body.
func setFirstJSON(q *sweepReq, v string) []string {
	var m map[string]any
	if json.Unmarshal(q.body, &m) != nil {
		return nil
	}
	keys := make([]string, 0, len(m))
	for k, val := range m {
		if _, ok := val.(string); ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	if len(keys) > 0 {
		m[keys[0]] = v
		q.body, _ = json.Marshal(m)
	}
	return nil
}

// setFormValues gives every field of a form body the value v, split
// across the fields so the body stays under the limit.
func setFormValues(q *sweepReq, v string) []string {
	form, err := url.ParseQuery(string(q.body))
	if err != nil || len(form) == 0 {
		return nil
	}
	v = v[:len(v)/len(form)]
	for k := range form {
		form[k] = []string{v}
	}
	q.body = []byte(form.Encode())
	return nil
}
