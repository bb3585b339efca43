// Package server is moji's HTTP JSON API and its offline web playground,
// as run by "moji serve".
//
// The API has these routes:
//
//	POST /v1/fix       {"text", "preset"} → {"text", "plan", "changed"}
//	POST /v1/explain   {"text", "preset"} → the plan in words and JSON, each
//	                   change character by character, the bytes each wrong
//	                   decoder saw, and the lost bytes chosen from context
//	POST /v1/detect    raw bytes → {"encoding", "confidence", "language",
//	                   "alternatives"}
//	POST /v1/decode    raw bytes, ?encoding=NAME or detected → {"text", ...}
//	GET  /healthz      {"status": "ok"}
//	GET  /openapi.json an OpenAPI 3 description of the above
//
// GET / serves the playground: one page with inline CSS and JavaScript
// that calls the API. It loads nothing from elsewhere, so it works with no
// network but the loopback.
//
// Errors are JSON objects {"error": "..."} with the matching status: 400
// for a malformed request, 404 for an unknown path, 405 for a wrong
// method, 413 for a body over the limit, 415 for a body of the wrong type,
// 422 for bytes that cannot be decoded as the detected encoding and 503 when the server is shutting down or the client gave up while
// waiting for a slot.
package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"runtime"
	"time"
)

// Defaults for the zero fields of a Config.
const (
	DefaultMaxBody           = 10 << 20 // 10 MB
	DefaultReadHeaderTimeout = 5 * time.Second
	DefaultReadTimeout       = 60 * time.Second
	DefaultWriteTimeout      = 120 * time.Second
	DefaultIdleTimeout       = 120 * time.Second
	DefaultShutdownTimeout   = 10 * time.Second
)

// Config sets the limits of a server. The zero Config is usable: every zero
// field takes its default.
type Config struct {
	// MaxBody is the largest request body accepted, in bytes. A larger
	// body is refused with 413 without being read past the limit.
	MaxBody int64

	// MaxInFlight bounds the requests that read a body and repair text at
	// the same time; the others wait for a slot. It bounds memory: each
	// request may hold MaxBody bytes and the copies repairing makes.
	// Zero means 4 per CPU.
	MaxInFlight int

	// Log receives one line per request. Nil means no log.
	Log io.Writer

	// Timeouts of the http.Server; see its fields. ReadHeaderTimeout is
	// what defeats a slow-loris client that never finishes its headers.
	ReadHeaderTimeout time.Duration
	ReadTimeout       time.Duration
	WriteTimeout      time.Duration
	IdleTimeout       time.Duration

	// ShutdownTimeout bounds how long Serve waits for requests in flight
	// once its context is done.
	ShutdownTimeout time.Duration
}

func (c Config) withDefaults() Config {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	if c.MaxBody <= 0 {
		c.MaxBody = DefaultMaxBody
	}
	if c.MaxInFlight <= 0 {
		c.MaxInFlight = 4 * runtime.GOMAXPROCS(0)
	}
	def(&c.ReadHeaderTimeout, DefaultReadHeaderTimeout)
	def(&c.ReadTimeout, DefaultReadTimeout)
	def(&c.WriteTimeout, DefaultWriteTimeout)
	def(&c.IdleTimeout, DefaultIdleTimeout)
	def(&c.ShutdownTimeout, DefaultShutdownTimeout)
	return c
}

// NewServer returns an http.Server for addr that serves [Handler] with the
// timeouts of cfg.
func NewServer(addr string, cfg Config) *http.Server {
	cfg = cfg.withDefaults()
	return &http.Server{
		Addr:              addr,
		Handler:           Handler(cfg),
		ReadHeaderTimeout: cfg.ReadHeaderTimeout,
		ReadTimeout:       cfg.ReadTimeout,
		WriteTimeout:      cfg.WriteTimeout,
		IdleTimeout:       cfg.IdleTimeout,
		MaxHeaderBytes:    64 << 10,
		// Connection-level errors (TLS junk, timeouts) are noise for a
		// local tool; the request log says what was served.
		ErrorLog: log.New(io.Discard, "", 0),
	}
}

// Serve serves on ln until ctx is done, then shuts down gracefully: it
// stops accepting, lets requests in flight finish for at most
// cfg.ShutdownTimeout, and returns. It returns nil after a clean shutdown.
func Serve(ctx context.Context, ln net.Listener, cfg Config) error {
	cfg = cfg.withDefaults()
	srv := NewServer(ln.Addr().String(), cfg)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
	defer cancel()
	err := srv.Shutdown(sctx)
	if e := <-errc; !errors.Is(e, http.ErrServerClosed) && err == nil {
		err = e
	}
	if err != nil {
		return fmt.Errorf("server: shutdown: %w", err)
	}
	return nil
}

// Handler returns the handler of the API and the playground.
func Handler(cfg Config) http.Handler {
	cfg = cfg.withDefaults()
	a := &api{maxBody: cfg.MaxBody, slots: make(chan struct{}, cfg.MaxInFlight)}
	mux := http.NewServeMux()
	a.route(mux, "POST", "/v1/fix", a.fix)
	a.route(mux, "POST", "/v1/explain", a.explain)
	a.route(mux, "POST", "/v1/detect", a.detectBytes)
	a.route(mux, "POST", "/v1/decode", a.decodeBytes)
	a.route(mux, "GET", "/healthz", healthz)
	a.route(mux, "GET", "/openapi.json", serveOpenAPI)
	a.route(mux, "GET", "/{$}", servePage)
	a.route(mux, "GET", "/examples/{name}", serveExample)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no such path: "+r.URL.Path)
	})
	var h http.Handler = mux
	if cfg.Log != nil {
		h = logRequests(log.New(cfg.Log, "", log.LstdFlags|log.Lmicroseconds), h)
	}
	return limitBody(cfg.MaxBody, h)
}

// limitBody caps every request body at max bytes. It wraps the server's
// own ResponseWriter, not a wrapper of it, because only that one can tell
// the server to close the connection instead of draining the rest of an
// oversized body. It hands the handler a shallow copy of the request: the
// server inspects its own copy's Body after the handler returns to decide
// whether the unread rest is small enough to drain, and a replaced Body
// would make it try to drain a body the client may never send.
func limitBody(max int64, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r2 := new(http.Request)
		*r2 = *r
		r2.Body = http.MaxBytesReader(w, r.Body, max)
		h.ServeHTTP(w, r2)
	})
}

// route registers h for method and path, and a JSON 405 for any other
// method on the same path: the mux's own 405 is plain text.
func (a *api) route(mux *http.ServeMux, method, path string, h http.HandlerFunc) {
	mux.HandleFunc(method+" "+path, h)
	allow := method
	if method == "GET" {
		allow = "GET, HEAD"
	}
	mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Allow", allow)
		writeError(w, http.StatusMethodNotAllowed, "method "+r.Method+" not allowed; use "+allow)
	})
}

// logRequests writes one line per request: method, path, status, bytes
// written and duration.
func logRequests(l *log.Logger, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &recorder{ResponseWriter: w}
		defer func() {
			status := rec.status
			if status == 0 {
				status = http.StatusOK
			}
			l.Printf("%s %s %d %dB %s", r.Method, r.URL.Path, status, rec.bytes, time.Since(start).Round(time.Microsecond))
		}()
		h.ServeHTTP(rec, r)
	})
}

// recorder remembers the status and counts the bytes of a response.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (r *recorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(p []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(p)
	r.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }
