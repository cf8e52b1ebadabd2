package web

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ekstutor/ekstutor/internal/iac"
	"github.com/ekstutor/ekstutor/internal/params"
)

// postPaste sends a POST through the route table with a body and header pairs.
func postPaste(tb testing.TB, path, contentType, body string, header ...string) *http.Response {
	tb.Helper()
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(body))
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	mustApp(tb).ServeHTTP(rec, req)
	return rec.Result()
}

func TestExportAPIWritesEveryFormatForEveryPreset(t *testing.T) {
	for _, p := range params.Presets() {
		cfg, err := p.Config()
		require.NoError(t, err)
		for _, f := range iac.Formats() {
			resp := get(t, "/api/v1/export/"+string(f)+"?"+p.Query)
			require.Equal(t, http.StatusOK, resp.StatusCode, "%s %s", p.ID, f)
			assert.Equal(t, "text/plain; charset=utf-8", resp.Header.Get("Content-Type"))
			assert.Equal(t, iac.Export(f, cfg), bodyOf(t, resp), "%s %s", p.ID, f)
		}
	}
	head := do(t, mustApp(t), http.MethodHead, "/api/v1/export/terraform?private=true")
	assert.Equal(t, http.StatusOK, head.StatusCode)
	assert.Empty(t, bodyOf(t, head))
}

type problemBody struct {
	Status        int    `json:"status"`
	Detail        string `json:"detail"`
	Code          string `json:"code"`
	Line          int    `json:"line"`
	InvalidParams []struct {
		Name, Problem, Reason string
	} `json:"invalid_params"`
}

func problemOf(tb testing.TB, resp *http.Response) problemBody {
	tb.Helper()
	assert.Equal(tb, "application/problem+json", resp.Header.Get("Content-Type"))
	var p problemBody
	require.NoError(tb, json.Unmarshal([]byte(bodyOf(tb, resp)), &p))
	return p
}

func TestExportAPIRefusesUnknownFormatsAndBadParameters(t *testing.T) {
	resp := get(t, "/api/v1/export/pulumi", "Accept-Language", "ko")
	assert.Equal(t, http.StatusNotFound, resp.StatusCode)
	p := problemOf(t, resp)
	assert.Contains(t, p.Detail, "내보내기 형식")
	assert.Contains(t, p.Detail, "eksctl, aws-cli, terraform, cloudformation")

	resp = get(t, "/api/v1/export/eksctl?public=false&private=false&cidrs=10.0.0.1/8", "Accept-Language", "en")
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
	p = problemOf(t, resp)
	names := map[string]bool{}
	for _, ip := range p.InvalidParams {
		names[ip.Name] = true
	}
	assert.Equal(t, map[string]bool{"public": true, "private": true, "cidrs": true}, names, "every bad field at once")
}

type importBody struct {
	Format  string          `json:"format"`
	Config  json.RawMessage `json:"config"`
	Query   string          `json:"query"`
	Read    []string        `json:"read"`
	Assumed []string        `json:"assumed"`
	Ignored []string        `json:"ignored"`
}

func TestImportAPIReadsEachWayOfSendingAPaste(t *testing.T) {
	describe, err := os.ReadFile("../internal/iac/testdata/samples/describe-cluster.json")
	require.NoError(t, err)
	cfg, err := params.DecodeConfig("public=false&private=true&nodes=private-isolated")
	require.NoError(t, err)
	eksctl := iac.Export(iac.Eksctl, cfg)
	wrapped, _ := json.Marshal(map[string]string{"text": eksctl})
	for _, tc := range []struct {
		name, contentType, body, format, query string
	}{
		{"describe-cluster piped in as JSON", "application/json", string(describe), "aws-cli", "private=true&cidrs=203.0.113.5/32"},
		{"raw text", "text/plain", eksctl, "eksctl", "public=false&private=true&nodes=private-isolated"},
		{"no content type", "", eksctl, "eksctl", "public=false&private=true&nodes=private-isolated"},
		{"JSON text member", "application/json", string(wrapped), "eksctl", "public=false&private=true&nodes=private-isolated"},
		{"form", "application/x-www-form-urlencoded", url.Values{"text": {eksctl}}.Encode(), "eksctl", "public=false&private=true&nodes=private-isolated"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp := postPaste(t, "/api/v1/import", tc.contentType, tc.body)
			require.Equal(t, http.StatusOK, resp.StatusCode)
			assert.Equal(t, "application/json", resp.Header.Get("Content-Type"))
			assert.Equal(t, "no-store", resp.Header.Get("Cache-Control"), "nothing about a paste is kept")
			var got importBody
			require.NoError(t, json.Unmarshal([]byte(bodyOf(t, resp)), &got))
			assert.Equal(t, tc.format, got.Format)
			assert.Equal(t, tc.query, got.Query)
			assert.NotEmpty(t, got.Read)
			assert.Contains(t, got.Assumed, "client")
			assert.NotNil(t, got.Ignored)
			// The query opens the lab's configuration: the resolver takes it.
			assert.Equal(t, http.StatusOK, get(t, "/api/v1/resolve?"+got.Query).StatusCode)
		})
	}
}

func TestImportAPIRefusesBadPastesInTheClientsLanguage(t *testing.T) {
	resp := postPaste(t, "/api/v1/import", "text/plain", "{\n  \"cluster\": {,\n}", "Accept-Language", "ko")
	require.Equal(t, http.StatusBadRequest, resp.StatusCode)
	p := problemOf(t, resp)
	assert.Equal(t, "SYNTAX", p.Code)
	assert.Equal(t, 2, p.Line)
	assert.Contains(t, p.Detail, "2번째 줄: ")
	assert.Contains(t, p.Detail, "구문 분석")
	require.Len(t, p.InvalidParams, 1)
	assert.Equal(t, "text", p.InvalidParams[0].Name)

	resp = postPaste(t, "/api/v1/import", "application/json", `{"cluster": {"resourcesVpcConfig": {"endpointPublicAccess": false, "endpointPrivateAccess": false}}}`, "Accept-Language", "en")
	require.Equal(t, http.StatusBadRequest, resp.StatusCode)
	p = problemOf(t, resp)
	assert.Equal(t, "BAD_VALUE", p.Code)
	var names []string
	for _, ip := range p.InvalidParams {
		names = append(names, ip.Name)
		assert.NotEmpty(t, ip.Reason)
	}
	assert.Equal(t, []string{"public", "private"}, names, "the lab's own field errors")

	resp = postPaste(t, "/api/v1/import", "application/json", `{"text": 42}`, "Accept-Language", "ko")
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
	assert.Contains(t, problemOf(t, resp).Detail, "JSON 본문에 text가 없습니다")

	for code, paste := range map[string]string{
		"EMPTY":          "   ",
		"UNKNOWN_FORMAT": "just some words",
		"NOT_LITERAL":    "resource \"aws_eks_cluster\" \"x\" {\n  vpc_config {\n    endpoint_public_access = var.public\n  }\n}\n",
	} {
		resp := postPaste(t, "/api/v1/import", "text/plain", paste)
		assert.Equal(t, http.StatusBadRequest, resp.StatusCode, code)
		p := problemOf(t, resp)
		assert.Equal(t, code, p.Code)
		assert.NotContains(t, p.Detail, "⟦", "every sentence is in the catalog")
	}
}

func TestImportAPILimitsAndOrigin(t *testing.T) {
	resp := postPaste(t, "/api/v1/import", "text/plain", strings.Repeat("#", maxFormBytes+1))
	assert.Equal(t, http.StatusRequestEntityTooLarge, resp.StatusCode)
	resp = postPaste(t, "/api/v1/import", "text/plain", "aws eks update-cluster-config", "Sec-Fetch-Site", "cross-site")
	assert.Equal(t, http.StatusForbidden, resp.StatusCode)
	get := do(t, mustApp(t), http.MethodGet, "/api/v1/import")
	assert.Equal(t, http.StatusMethodNotAllowed, get.StatusCode)
}

// Every error code and kind of value has its sentence in both languages.
func TestImportMessagesAreInTheCatalog(t *testing.T) {
	for _, code := range iac.Codes() {
		for _, w := range append(iac.WantKinds(), "Disable, Single") {
			e := &iac.Error{Code: code, Format: iac.Terraform, Line: 3, Path: "a.b", Value: "v", Want: w, Other: "c.d", Detail: "oops"}
			for _, lang := range []string{"en", "ko"} {
				msg := importMessage(lang, e)
				assert.NotContains(t, msg, "⟦", "%s %s %s", code, w, lang)
				assert.NotContains(t, msg, "%!", "%s %s %s: verbs and arguments agree", code, w, lang)
			}
		}
	}
}

// The forms group's refusals are problems too, and the document lists
// their statuses.
func TestImportRefusalsMatchTheDocument(t *testing.T) {
	ops := map[string]apiOperation{}
	for _, op := range apiOperations() {
		ops[op.ID] = op
	}
	op := ops["import"]
	for name, req := range map[string]*http.Request{
		"cross-origin": func() *http.Request {
			r := httptest.NewRequest(http.MethodPost, "/api/v1/import", strings.NewReader("x"))
			r.Header.Set("Sec-Fetch-Site", "cross-site")
			return r
		}(),
		"over the cap": httptest.NewRequest(http.MethodPost, "/api/v1/import", strings.NewReader(strings.Repeat("#", maxFormBytes+1))),
		// A body without Content-Length reaches the handler, which answers.
		"over the cap, chunked": func() *http.Request {
			r := httptest.NewRequest(http.MethodPost, "/api/v1/import", struct{ io.Reader }{strings.NewReader(strings.Repeat("#", maxFormBytes+1))})
			r.ContentLength = -1
			return r
		}(),
	} {
		rec := httptest.NewRecorder()
		mustApp(t).ServeHTTP(rec, req)
		assert.Contains(t, op.Errors, rec.Code, name)
		assert.Equal(t, "application/problem+json", rec.Header().Get("Content-Type"), name)
	}
}
