package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/mojitext/moji/internal/server"
)

const serveUsage = `usage: moji serve [--addr HOST:PORT] [--max-body BYTES]

Serve the HTTP JSON API and the web playground until SIGINT or SIGTERM.

  POST /v1/fix       {"text": "...", "preset": "default"} → {"text", "plan", "changed"}
  POST /v1/explain   the same, with every change explained byte by byte
  POST /v1/detect    raw bytes → {"encoding", "confidence", "language", ...}
  POST /v1/decode    raw bytes [?encoding=NAME] → {"text", "encoding", ...}
  GET  /healthz      liveness
  GET  /openapi.json the API description
  GET  /             the playground (no external scripts or fonts)

One line per request goes to stderr. The default address is loopback
only; listening elsewhere exposes the server to the network.

Examples:
  moji serve
  moji serve --addr 127.0.0.1:9000 --max-body 1048576
  curl -s localhost:8080/v1/fix -H 'Content-Type: application/json' -d '{"text":"cafÃ©"}'
`

// cmdServe runs "moji serve".
func cmdServe(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(fs.Output(), serveUsage) }
	addr := fs.String("addr", "127.0.0.1:8080", "listen on `HOST:PORT`")
	maxBody := fs.Int64("max-body", server.DefaultMaxBody, "refuse request bodies over `BYTES` with 413")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "moji serve: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	if *maxBody <= 0 {
		fmt.Fprintln(stderr, "moji serve: --max-body must be positive")
		return exitUsage
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// Listen before announcing, so the message names the real port
	// (":0" picks one) and a busy port fails here, plainly.
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "moji serve: %v\n", err)
		return exitFail
	}
	fmt.Fprintf(stdout, "moji: serving on http://%s/ (Ctrl+C stops)\n", ln.Addr())
	err = server.Serve(ctx, ln, server.Config{MaxBody: *maxBody, Log: stderr})
	if err != nil {
		fmt.Fprintf(stderr, "moji serve: %v\n", err)
		return exitFail
	}
	fmt.Fprintln(stderr, "moji: stopped")
	return exitOK
}
