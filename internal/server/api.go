package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"

	"github.com/mojitext/moji"
)

// api holds the state the JSON handlers share.
type api struct {
	maxBody int64
	// slots bounds the requests reading bodies and repairing at once.
	slots chan struct{}
}

// request is the body of /v1/fix and /v1/explain.
type request struct {
	Text   *string `json:"text"`
	Preset string  `json:"preset"`
}

// fixResponse is the body /v1/fix returns.
type fixResponse struct {
	Text    string    `json:"text"`
	Plan    moji.Plan `json:"plan"`
	Changed bool      `json:"changed"`
}

func (a *api) fix(w http.ResponseWriter, r *http.Request) {
	release, ok := a.acquire(w, r)
	if !ok {
		return
	}
	defer release()
	text, cfg, ok := a.readRequest(w, r)
	if !ok {
		return
	}
	out, plan := cfg.Fix(text)
	if plan == nil {
		plan = moji.Plan{} // [] rather than null: clients iterate it
	}
	writeJSON(w, http.StatusOK, fixResponse{Text: out, Plan: plan, Changed: out != text})
}

func (a *api) explain(w http.ResponseWriter, r *http.Request) {
	release, ok := a.acquire(w, r)
	if !ok {
		return
	}
	defer release()
	text, cfg, ok := a.readRequest(w, r)
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, explain(cfg, text))
}

// acquire waits for a slot. It fails with 503 when the client leaves or
// the server shuts down first.
func (a *api) acquire(w http.ResponseWriter, r *http.Request) (release func(), ok bool) {
	select {
	case a.slots <- struct{}{}:
		return func() { <-a.slots }, true
	case <-r.Context().Done():
		writeError(w, http.StatusServiceUnavailable, "gave up waiting for a free slot")
		return nil, false
	}
}

// readRequest checks the content type and decodes the body. On failure it
// has written the error response.
func (a *api) readRequest(w http.ResponseWriter, r *http.Request) (string, moji.Config, bool) {
	ct := r.Header.Get("Content-Type")
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil || mt != "application/json" {
		writeError(w, http.StatusUnsupportedMediaType, "Content-Type must be application/json, not "+strconv.Quote(ct))
		return "", moji.Config{}, false
	}
	// A declared length over the limit is refused before reading a byte;
	// a body without one is cut off by http.MaxBytesReader.
	if r.ContentLength > a.maxBody {
		writeError(w, http.StatusRequestEntityTooLarge, tooLarge(a.maxBody))
		return "", moji.Config{}, false
	}
	var req request
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	err = dec.Decode(&req)
	if err == nil {
		// One JSON value, then only white space.
		if dec.Decode(&struct{}{}) != io.EOF {
			err = errors.New("data after the JSON object")
		}
	}
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			writeError(w, http.StatusRequestEntityTooLarge, tooLarge(a.maxBody))
		} else {
			writeError(w, http.StatusBadRequest, "bad JSON body: "+err.Error())
		}
		return "", moji.Config{}, false
	}
	if req.Text == nil {
		writeError(w, http.StatusBadRequest, `missing "text"`)
		return "", moji.Config{}, false
	}
	cfg, ok := moji.Preset(req.Preset)
	if !ok {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("unknown preset %q; use default, ftfy or encoding", req.Preset))
		return "", moji.Config{}, false
	}
	return *req.Text, cfg, true
}

func tooLarge(max int64) string {
	return fmt.Sprintf("request body over the limit of %d bytes", max)
}

func healthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// errorResponse is the body of every error.
type errorResponse struct {
	Error string `json:"error"`
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, errorResponse{Error: msg})
}

// writeJSON writes v as JSON. It encodes into a buffer first so that an
// encoding failure can still become a clean 500.
func writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	// The text is the payload; "<" escaped as \u003c helps no one here.
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		status = http.StatusInternalServerError
		buf.Reset()
		fmt.Fprintf(&buf, "{\"error\":%q}\n", "encoding response: "+err.Error())
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}
