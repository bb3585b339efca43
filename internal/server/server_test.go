package server

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/mojitext/moji"
)

// do sends one request to h and returns the recorded response.
func do(t *testing.T, h http.Handler, method, path, contentType, body string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func jsonBody(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func decode[T any](t *testing.T, rec *httptest.ResponseRecorder) T {
	t.Helper()
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("Content-Type = %q, want application/json", ct)
	}
	var v T
	if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
		t.Fatalf("response is not JSON: %v\n%s", err, rec.Body)
	}
	return v
}

func flagship(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("web/examples/nato-tokyo.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestFix(t *testing.T) {
	h := Handler(Config{})
	tests := []struct {
		text, preset, want string
	}{
		{"cafÃ©", "", "café"},
		{"itâ€™s", "default", "it’s"},
		{"Japan鈥檚 hopes", "", "Japan’s hopes"},
		{"plain ASCII", "", "plain ASCII"},
		{"correct: naïve café, “quoted”", "default", "correct: naïve café, “quoted”"},
		{"itâ€™s", "ftfy", "it's"}, // ftfy uncurls quotes too
		{"cafÃ©", "encoding", "café"},
	}
	for _, tt := range tests {
		rec := do(t, h, "POST", "/v1/fix", "application/json", jsonBody(t, map[string]string{"text": tt.text, "preset": tt.preset}))
		if rec.Code != http.StatusOK {
			t.Fatalf("%q: status %d: %s", tt.text, rec.Code, rec.Body)
		}
		got := decode[fixResponse](t, rec)
		if got.Text != tt.want {
			t.Errorf("fix(%q, %q) = %q, want %q", tt.text, tt.preset, got.Text, tt.want)
		}
		if got.Changed != (tt.want != tt.text) {
			t.Errorf("fix(%q): changed = %v", tt.text, got.Changed)
		}
		if got.Changed && len(got.Plan) == 0 {
			t.Errorf("fix(%q): changed with an empty plan", tt.text)
		}
		if !strings.Contains(rec.Body.String(), `"plan":[`) {
			t.Errorf("fix(%q): plan is not a JSON array: %s", tt.text, rec.Body)
		}
	}
}

// TestFixMatchesLibrary checks that the API returns exactly what the
// library does, plan included, on the flagship article.
func TestFixMatchesLibrary(t *testing.T) {
	text := flagship(t)
	for _, preset := range []string{"default", "ftfy", "encoding"} {
		cfg, _ := moji.Preset(preset)
		want, wantPlan := cfg.Fix(text)
		rec := do(t, Handler(Config{}), "POST", "/v1/fix", "application/json; charset=utf-8", jsonBody(t, map[string]string{"text": text, "preset": preset}))
		got := decode[fixResponse](t, rec)
		if got.Text != want {
			t.Errorf("%s: API text differs from the library's", preset)
		}
		if a, b := jsonBody(t, got.Plan), jsonBody(t, wantPlan); a != b && !(len(wantPlan) == 0 && a == "[]") {
			t.Errorf("%s: plan = %s, want %s", preset, a, b)
		}
	}
}

func TestExplain(t *testing.T) {
	h := Handler(Config{})
	tests := []struct {
		text, before, after, bytes string
		beforeNames                []string
	}{
		{"cafÃ©", "Ã©", "é", "C3 A9", []string{"U+00C3 LATIN CAPITAL LETTER A WITH TILDE", "U+00A9 COPYRIGHT SIGN"}},
		{"Japan鈥檚", "鈥檚", "’s", "E2 80 99 73", []string{"U+9225 CJK UNIFIED IDEOGRAPH-9225", "U+6A9A CJK UNIFIED IDEOGRAPH-6A9A"}},
	}
	for _, tt := range tests {
		rec := do(t, h, "POST", "/v1/explain", "application/json", jsonBody(t, map[string]string{"text": tt.text}))
		if rec.Code != http.StatusOK {
			t.Fatalf("%q: status %d: %s", tt.text, rec.Code, rec.Body)
		}
		e := decode[explanation](t, rec)
		if want := moji.Default.FixString(tt.text); e.Text != want || !e.Changed {
			t.Errorf("%q: text %q changed %v, want %q", tt.text, e.Text, e.Changed, want)
		}
		if len(e.Steps) != len(e.Plan) || len(e.Plan) == 0 {
			t.Fatalf("%q: %d steps for a plan of %d", tt.text, len(e.Steps), len(e.Plan))
		}
		for i, st := range e.Plan {
			if e.Steps[i] != st.String() {
				t.Errorf("%q: step %d = %q, want %q", tt.text, i, e.Steps[i], st.String())
			}
		}
		if len(e.Changes) != 1 {
			t.Fatalf("%q: changes = %+v, want one", tt.text, e.Changes)
		}
		c := e.Changes[0]
		if c.Before != tt.before || c.After != tt.after {
			t.Errorf("%q: change %q → %q, want %q → %q", tt.text, c.Before, c.After, tt.before, tt.after)
		}
		var names []string
		for _, ch := range c.BeforeChars {
			names = append(names, ch.CodePoint+" "+ch.Name)
		}
		if strings.Join(names, "|") != strings.Join(tt.beforeNames, "|") {
			t.Errorf("%q: characters %q, want %q", tt.text, names, tt.beforeNames)
		}
		if len(c.AfterChars) != len([]rune(tt.after)) {
			t.Errorf("%q: after chars %+v", tt.text, c.AfterChars)
		}
		if len(c.Layers) != 1 {
			t.Fatalf("%q: layers = %+v, want one", tt.text, c.Layers)
		}
		l := c.Layers[0]
		if l.Bytes != tt.bytes || l.Input != tt.before || l.Output != tt.after || !l.Complete {
			t.Errorf("%q: layer %+v, want bytes %s, %q → %q", tt.text, l, tt.bytes, tt.before, tt.after)
		}
		if l.WrongDecoder != e.Plan[l.Step].WrongDecoder {
			t.Errorf("%q: layer decoder %q is not step %d's", tt.text, l.WrongDecoder, l.Step)
		}
	}
}

// TestExplainStacked checks a text damaged twice: the byte view lists
// both layers, outermost first, each feeding the next.
func TestExplainStacked(t *testing.T) {
	text := "cafÃƒÂ©"
	e := decode[explanation](t, do(t, Handler(Config{}), "POST", "/v1/explain", "application/json", jsonBody(t, map[string]string{"text": text})))
	if e.Text != "café" {
		t.Fatalf("text %q, want %q", e.Text, "café")
	}
	if len(e.Changes) != 1 {
		t.Fatalf("changes = %+v", e.Changes)
	}
	ls := e.Changes[0].Layers
	if len(ls) != 2 {
		t.Fatalf("layers = %+v, want two", ls)
	}
	if ls[0].Input != "ÃƒÂ©" || ls[0].Output != ls[1].Input || ls[1].Output != "é" {
		t.Errorf("layers do not chain: %+v", ls)
	}
}

func TestExplainUnchanged(t *testing.T) {
	rec := do(t, Handler(Config{}), "POST", "/v1/explain", "application/json", `{"text": "nothing wrong here"}`)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	for _, want := range []string{`"changed":false`, `"plan":[]`, `"steps":[]`, `"changes":[]`, `"lost":[]`} {
		if !strings.Contains(rec.Body.String(), want) {
			t.Errorf("missing %s in %s", want, rec.Body)
		}
	}
}

func TestHealthz(t *testing.T) {
	for _, method := range []string{"GET", "HEAD"} {
		rec := do(t, Handler(Config{}), method, "/healthz", "", "")
		if rec.Code != http.StatusOK {
			t.Fatalf("%s /healthz: status %d", method, rec.Code)
		}
		if method == "GET" && decode[map[string]string](t, rec)["status"] != "ok" {
			t.Errorf("body %s", rec.Body)
		}
	}
}

// TestOpenAPI checks that the description is OpenAPI 3 and documents
// exactly the API's routes.
func TestOpenAPI(t *testing.T) {
	rec := do(t, Handler(Config{}), "GET", "/openapi.json", "", "")
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	doc := decode[struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}](t, rec)
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi = %q", doc.OpenAPI)
	}
	want := map[string]string{"/v1/fix": "post", "/v1/explain": "post", "/v1/detect": "post", "/v1/decode": "post", "/healthz": "get", "/openapi.json": "get"}
	for path, method := range want {
		if _, ok := doc.Paths[path][method]; !ok {
			t.Errorf("%s %s is not described", method, path)
		}
	}
	if len(doc.Paths) != len(want) {
		t.Errorf("paths %d, want %d", len(doc.Paths), len(want))
	}
}

func TestPage(t *testing.T) {
	rec := do(t, Handler(Config{}), "GET", "/", "", "")
	if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
		t.Fatalf("status %d, Content-Type %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	body := rec.Body.String()
	// Offline: nothing may be fetched from another origin.
	for _, bad := range []string{"http:", "https:", "//cdn", "<link", "@import", "src="} {
		if strings.Contains(body, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	csp := rec.Header().Get("Content-Security-Policy")
	if !strings.Contains(csp, "default-src 'none'") || !strings.Contains(csp, "script-src 'sha256-") {
		t.Errorf("CSP %q", csp)
	}
	for _, id := range []string{`id="input"`, `id="fix"`, `id="output"`, `id="steps"`, `id="bytes"`, `id="copy"`, `id="file"`, `for="input"`, `name="viewport"`} {
		if !strings.Contains(body, id) {
			t.Errorf("page lacks %s", id)
		}
	}

	rec = do(t, Handler(Config{}), "GET", "/examples/nato-tokyo.txt", "", "")
	if rec.Code != http.StatusOK || rec.Body.String() != flagship(t) {
		t.Errorf("example: status %d, %d bytes", rec.Code, rec.Body.Len())
	}
	want, err := os.ReadFile("../../testdata/seed/nato-tokyo.gbk-mojibake.txt")
	if err == nil && !bytes.Equal(want, rec.Body.Bytes()) {
		t.Errorf("the embedded flagship differs from testdata/seed")
	}
}

// TestErrors checks every error status, and that each comes as JSON.
func TestErrors(t *testing.T) {
	h := Handler(Config{MaxBody: 64})
	big := jsonBody(t, map[string]string{"text": strings.Repeat("x", 100)})
	tests := []struct {
		name, method, path, ct, body string
		status                       int
		allow                        string
	}{
		{"bad JSON", "POST", "/v1/fix", "application/json", `{"text": `, 400, ""},
		{"not an object", "POST", "/v1/fix", "application/json", `["text"]`, 400, ""},
		{"trailing data", "POST", "/v1/fix", "application/json", `{"text": "a"} {}`, 400, ""},
		{"unknown field", "POST", "/v1/explain", "application/json", `{"txt": "a"}`, 400, ""},
		{"missing text", "POST", "/v1/fix", "application/json", `{"preset": "default"}`, 400, ""},
		{"unknown preset", "POST", "/v1/fix", "application/json", `{"text": "a", "preset": "magic"}`, 400, ""},
		{"too large", "POST", "/v1/fix", "application/json", big, 413, ""},
		{"too large explain", "POST", "/v1/explain", "application/json", big, 413, ""},
		{"no content type", "POST", "/v1/fix", "", `{"text": "a"}`, 415, ""},
		{"form content type", "POST", "/v1/fix", "application/x-www-form-urlencoded", `{"text": "a"}`, 415, ""},
		{"text content type", "POST", "/v1/explain", "text/plain", `{"text": "a"}`, 415, ""},
		{"GET fix", "GET", "/v1/fix", "", "", 405, "POST"},
		{"PUT explain", "PUT", "/v1/explain", "application/json", `{"text": "a"}`, 405, "POST"},
		{"POST healthz", "POST", "/healthz", "application/json", `{}`, 405, "GET, HEAD"},
		{"DELETE page", "DELETE", "/", "", "", 405, "GET, HEAD"},
		{"unknown path", "GET", "/v2/fix", "", "", 404, ""},
		{"unknown example", "GET", "/examples/nope.txt", "", "", 404, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := do(t, h, tt.method, tt.path, tt.ct, tt.body)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.status, rec.Body)
			}
			if e := decode[errorResponse](t, rec); e.Error == "" {
				t.Errorf("empty error message")
			}
			if got := rec.Header().Get("Allow"); got != tt.allow {
				t.Errorf("Allow = %q, want %q", got, tt.allow)
			}
		})
	}
}

// TestTooLargeUnknownLength checks the limit on a body whose length is
// not declared: it is cut off by the reader, not by the header check.
func TestTooLargeUnknownLength(t *testing.T) {
	req := httptest.NewRequest("POST", "/v1/fix", io.MultiReader(strings.NewReader(`{"text": "`), strings.NewReader(strings.Repeat("x", 1000)), strings.NewReader(`"}`)))
	req.ContentLength = -1
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	Handler(Config{MaxBody: 100}).ServeHTTP(rec, req)
	if rec.Code != http.StatusRequestEntityTooLarge {
		t.Fatalf("status %d, want 413: %s", rec.Code, rec.Body)
	}
}

func TestRequestLog(t *testing.T) {
	var log bytes.Buffer
	h := Handler(Config{Log: &log})
	do(t, h, "POST", "/v1/fix", "application/json", `{"text": "cafÃ©"}`)
	do(t, h, "GET", "/v1/fix", "", "")
	lines := strings.Split(strings.TrimSpace(log.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("log has %d lines, want one per request:\n%s", len(lines), log.String())
	}
	for i, want := range []string{"POST /v1/fix 200 ", "GET /v1/fix 405 "} {
		if !strings.Contains(lines[i], want) || !strings.Contains(lines[i], "B ") {
			t.Errorf("log line %q lacks %q and a byte count", lines[i], want)
		}
	}
}

// TestServeShutdown runs a real server on the loopback and stops it by
// cancelling its context, as SIGINT does in "moji serve".
func TestServeShutdown(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, ln, Config{}) }()

	resp, err := http.Post("http://"+ln.Addr().String()+"/v1/fix", "application/json", strings.NewReader(`{"text":"cafÃ©"}`))
	if err != nil {
		t.Fatal(err)
	}
	var got fixResponse
	json.NewDecoder(resp.Body).Decode(&got)
	resp.Body.Close()
	if got.Text != "café" {
		t.Errorf("got %q", got.Text)
	}

	cancel()
	if err := <-done; err != nil {
		t.Fatalf("Serve: %v", err)
	}
	if _, err := http.Get("http://" + ln.Addr().String() + "/healthz"); err == nil {
		t.Errorf("server still answers after shutdown")
	}
}

// TestDiffLines checks the line-by-line alignment against the library's
// whole-text Diff on texts small enough for both, and that it keeps the
// flagship's changes apart.
func TestDiffLines(t *testing.T) {
	tests := []struct{ a, b string }{
		{"", ""},
		{"same\ntext\n", "same\ntext\n"},
		{"cafÃ©\nok\nitâ€™s", "café\nok\nit’s"},
		{"a\r\nb", "a\nb"},
		{"x\ny\n", "x\ny"}, // line counts differ: whole-text alignment
		{"\n\nÃ©\n", "\n\né\n"},
	}
	for _, tt := range tests {
		got, want := jsonBody(t, diff(tt.a, tt.b)), jsonBody(t, moji.Diff(tt.a, tt.b))
		if got != want {
			t.Errorf("diff(%q, %q) = %s, want %s", tt.a, tt.b, got, want)
		}
	}
	text := flagship(t)
	out := moji.Default.FixString(text)
	changes := diff(text, out)
	if len(changes) < 36 {
		t.Fatalf("flagship: %d changes, want one per damaged mark (36 or more)", len(changes))
	}
	for _, c := range changes {
		if text[c.InputOffset:c.InputOffset+len(c.Before)] != c.Before || out[c.OutputOffset:c.OutputOffset+len(c.After)] != c.After {
			t.Fatalf("change %+v does not sit at its offsets", c)
		}
		if len([]rune(c.Before)) > 4 {
			t.Errorf("change %q → %q is wider than one damaged mark", c.Before, c.After)
		}
	}
}
