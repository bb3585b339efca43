package server

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/mojitext/moji/detect"
)

// detectResponse is the body /v1/detect returns.
type detectResponse struct {
	Encoding     string      `json:"encoding"`
	Confidence   float64     `json:"confidence"`
	Language     string      `json:"language,omitempty"`
	Alternatives []candidate `json:"alternatives"`
}

type candidate struct {
	Encoding   string  `json:"encoding"`
	Confidence float64 `json:"confidence"`
	Language   string  `json:"language,omitempty"`
}

// decodeResponse is the body /v1/decode returns.
type decodeResponse struct {
	Encoding string `json:"encoding"`
	// Detected is set when the encoding was detected, not given; then
	// Confidence is the detector's.
	Detected   bool    `json:"detected"`
	Confidence float64 `json:"confidence,omitempty"`
	Text       string  `json:"text"`
	// Lossy is set when some bytes did not decode and became U+FFFD.
	Lossy bool `json:"lossy"`
}

func toResponse(r detect.Result) detectResponse {
	out := detectResponse{Encoding: r.Encoding, Confidence: r.Confidence, Language: r.Language, Alternatives: []candidate{}}
	for _, c := range r.Alternatives {
		out.Alternatives = append(out.Alternatives, candidate(c))
	}
	return out
}

// detectBytes answers POST /v1/detect: the body is the raw bytes, since a
// JSON string cannot carry bytes that are not UTF-8.
func (a *api) detectBytes(w http.ResponseWriter, r *http.Request) {
	release, ok := a.acquire(w, r)
	if !ok {
		return
	}
	defer release()
	b, ok := a.readBytes(w, r)
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, toResponse(detect.Bytes(b)))
}

// decodeBytes answers POST /v1/decode[?encoding=NAME]: it decodes the raw
// body with the named encoding, or with the detected one.
func (a *api) decodeBytes(w http.ResponseWriter, r *http.Request) {
	release, ok := a.acquire(w, r)
	if !ok {
		return
	}
	defer release()
	b, ok := a.readBytes(w, r)
	if !ok {
		return
	}
	resp := decodeResponse{Encoding: strings.ToLower(r.URL.Query().Get("encoding"))}
	if resp.Encoding == "" {
		res := detect.Bytes(b)
		resp.Encoding, resp.Detected, resp.Confidence = res.Encoding, true, res.Confidence
	}
	text, lossy, err := decodeAs(resp.Encoding, b)
	if err != nil {
		status := http.StatusUnprocessableEntity
		if !resp.Detected {
			status = http.StatusBadRequest // the client named it
		}
		writeError(w, status, err.Error())
		return
	}
	resp.Text, resp.Lossy = text, lossy
	writeJSON(w, http.StatusOK, resp)
}

// decodeAs decodes b as the named encoding with the detect package,
// replacing what does not decode by U+FFFD.
func decodeAs(name string, b []byte) (text string, lossy bool, err error) {
	s, ok, err := detect.Decode(b, name)
	if errors.Is(err, detect.ErrUnknown) {
		return "", false, errors.New("cannot decode " + strconv.Quote(name))
	}
	if err != nil {
		return "", false, err
	}
	return s, !ok, nil
}

// readBytes checks the content type and reads the raw body. On failure it
// has written the error response.
func (a *api) readBytes(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	ct := r.Header.Get("Content-Type")
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil || mt != "application/octet-stream" && !strings.HasPrefix(mt, "text/") {
		writeError(w, http.StatusUnsupportedMediaType, "Content-Type must be application/octet-stream or text/*, not "+strconv.Quote(ct))
		return nil, false
	}
	if r.ContentLength > a.maxBody {
		writeError(w, http.StatusRequestEntityTooLarge, tooLarge(a.maxBody))
		return nil, false
	}
	b, err := io.ReadAll(r.Body)
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			writeError(w, http.StatusRequestEntityTooLarge, tooLarge(a.maxBody))
		} else {
			writeError(w, http.StatusBadRequest, "reading body: "+err.Error())
		}
		return nil, false
	}
	return b, true
}
