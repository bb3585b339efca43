package server

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/mojitext/moji/detect"
)

func doBytes(t *testing.T, h http.Handler, path, contentType string, body []byte) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest("POST", path, strings.NewReader(string(body)))
	req.Header.Set("Content-Type", contentType)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// gbkText is "中文字符编码测试" ("Chinese character encoding test") in GBK.
var gbkText = []byte{0xD6, 0xD0, 0xCE, 0xC4, 0xD7, 0xD6, 0xB7, 0xFB, 0xB1, 0xE0, 0xC2, 0xEB, 0xB2, 0xE2, 0xCA, 0xD4}

// TestDetect checks that the API reports what the detector says.
func TestDetect(t *testing.T) {
	h := Handler(Config{})
	for _, body := range [][]byte{[]byte("plain ASCII"), []byte("naïve café"), gbkText, {0, 1, 2, 0xFF, 0xFE, 0}} {
		rec := doBytes(t, h, "/v1/detect", "application/octet-stream", body)
		if rec.Code != http.StatusOK {
			t.Fatalf("%q: status %d: %s", body, rec.Code, rec.Body)
		}
		got, want := decode[detectResponse](t, rec), toResponse(detect.Bytes(body))
		if jsonBody(t, got) != jsonBody(t, want) {
			t.Errorf("%q: %+v, want %+v", body, got, want)
		}
	}
	if got := decode[detectResponse](t, doBytes(t, h, "/v1/detect", "text/plain", []byte("naïve café"))); got.Encoding != "utf-8" {
		t.Errorf("UTF-8 text detected as %q", got.Encoding)
	}
}

func TestDecode(t *testing.T) {
	h := Handler(Config{})
	tests := []struct {
		path  string
		body  []byte
		want  string
		lossy bool
	}{
		{"/v1/decode?encoding=gbk", gbkText, "中文字符编码测试", false},
		{"/v1/decode?encoding=windows-1252", []byte("caf\xe9"), "café", false},
		{"/v1/decode?encoding=utf-8", []byte("caf\xe9"), "caf\uFFFD", true},
		{"/v1/decode?encoding=UTF-16LE", []byte{'h', 0, 'i', 0}, "hi", false},
		{"/v1/decode?encoding=utf-16", []byte{0xFE, 0xFF, 0, 'h', 0, 'i'}, "hi", false},
		{"/v1/decode", []byte("\xef\xbb\xbfnaïve"), "naïve", false},
	}
	for _, tt := range tests {
		rec := doBytes(t, h, tt.path, "application/octet-stream", tt.body)
		if rec.Code != http.StatusOK {
			t.Fatalf("%s %q: status %d: %s", tt.path, tt.body, rec.Code, rec.Body)
		}
		got := decode[decodeResponse](t, rec)
		if got.Text != tt.want || got.Lossy != tt.lossy {
			t.Errorf("%s %q = %q (lossy %v), want %q (lossy %v)", tt.path, tt.body, got.Text, got.Lossy, tt.want, tt.lossy)
		}
		if got.Detected != !strings.Contains(tt.path, "encoding=") {
			t.Errorf("%s: detected = %v", tt.path, got.Detected)
		}
	}
	// Detected, then decoded with what was detected.
	res := detect.Bytes(gbkText)
	got := decode[decodeResponse](t, doBytes(t, h, "/v1/decode", "application/octet-stream", gbkText))
	if want, _, err := decodeAs(res.Encoding, gbkText); err != nil || got.Text != want || got.Encoding != res.Encoding || got.Confidence != res.Confidence {
		t.Errorf("detected decode = %+v, want %s %q", got, res.Encoding, want)
	}
}

func TestDetectErrors(t *testing.T) {
	h := Handler(Config{MaxBody: 16})
	tests := []struct {
		name, path, ct string
		body           []byte
		status         int
	}{
		{"JSON body", "/v1/detect", "application/json", []byte(`{"text":"a"}`), 415},
		{"no content type", "/v1/decode", "", []byte("a"), 415},
		{"too large", "/v1/detect", "application/octet-stream", make([]byte, 17), 413},
		{"unknown encoding", "/v1/decode?encoding=klingon", "application/octet-stream", []byte("a"), 400},
		{"binary", "/v1/decode", "application/octet-stream", []byte{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0}, 422},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := doBytes(t, h, tt.path, tt.ct, tt.body)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.status, rec.Body)
			}
			if decode[errorResponse](t, rec).Error == "" {
				t.Error("empty error message")
			}
		})
	}
	if rec := do(t, h, "GET", "/v1/detect", "", ""); rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("GET /v1/detect: status %d", rec.Code)
	}
}
