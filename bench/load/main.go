// Command load measures moji serve under concurrent load: clients post
// texts to /v1/fix as fast as they can, for a bounded number of requests
// and a bounded time, and it prints requests per second, the 50th and
// 99th percentile latency and the error count.
//
// Without --url it starts its own server on a loopback port, in process,
// with request logging off:
//
//	go run ./bench/load
//	go run ./bench/load -c 64 -n 20000 -d 30s
//	go run ./bench/load --url http://127.0.0.1:8080
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mojitext/moji/internal/server"
)

// texts are what the clients send, in turn: short mojibake of the common
// kinds, correct text (the fast path), and a paragraph of the flagship
// article (UTF-8 read as GBK, bytes dropped).
var texts = []string{
	"cafÃ© crÃ¨me",
	"itâ€™s the â€œbestâ€\x9d one",
	"Japan鈥檚 hopes",
	"This sentence is fine and has nothing to repair.",
	"naïve café, “quoted”",
	"Nato has shelved plans to open a liaison office in Tokyo, dealing a symbolic blow to Japan鈥檚 hopes of cementing the alliance鈥檚 presence in the Indo-Pacific and exposing divisions among member states over how directly they should confront China鈥檚 rising power.",
}

func main() {
	var (
		target   = flag.String("url", "", "base `URL` of a running server; empty starts one on the loopback")
		clients  = flag.Int("c", 64, "concurrent `clients`")
		requests = flag.Int("n", 20000, "stop after `N` requests")
		duration = flag.Duration("d", 30*time.Second, "stop after this `duration`")
		preset   = flag.String("preset", "default", "preset to ask for")
	)
	flag.Parse()
	if *clients < 1 || *requests < 1 || *duration <= 0 {
		fmt.Fprintln(os.Stderr, "load: -c, -n and -d must be positive")
		os.Exit(2)
	}
	base := *target
	if base == "" {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			fatal(err)
		}
		ctx, stop := context.WithCancel(context.Background())
		defer stop()
		go server.Serve(ctx, ln, server.Config{})
		base = "http://" + ln.Addr().String()
	} else if u, err := url.Parse(base); err != nil || u.Host == "" {
		fatal(fmt.Errorf("bad --url %q", base))
	}

	bodies := make([][]byte, len(texts))
	for i, s := range texts {
		bodies[i], _ = json.Marshal(map[string]string{"text": s, "preset": *preset})
	}
	client := &http.Client{
		Transport: &http.Transport{MaxIdleConnsPerHost: *clients, MaxConnsPerHost: *clients},
		Timeout:   30 * time.Second,
	}

	var (
		next      atomic.Int64 // request numbers handed out
		errs      atomic.Int64
		firstErr  atomic.Value
		mu        sync.Mutex
		latencies []time.Duration
		wg        sync.WaitGroup
	)
	deadline := time.Now().Add(*duration)
	start := time.Now()
	for c := 0; c < *clients; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			for {
				n := next.Add(1) - 1
				if n >= int64(*requests) || time.Now().After(deadline) {
					break
				}
				t0 := time.Now()
				err := post(client, base+"/v1/fix", bodies[n%int64(len(bodies))])
				if err != nil {
					errs.Add(1)
					firstErr.CompareAndSwap(nil, err.Error())
					continue
				}
				mine = append(mine, time.Since(t0))
			}
			mu.Lock()
			latencies = append(latencies, mine...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)

	slices.Sort(latencies)
	done := len(latencies) + int(errs.Load())
	fmt.Printf("target      %s/v1/fix (preset %s)\n", base, *preset)
	fmt.Printf("machine     %s/%s, %d CPUs, %s\n", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.Version())
	fmt.Printf("clients     %d\n", *clients)
	fmt.Printf("requests    %d in %s\n", done, elapsed.Round(time.Millisecond))
	fmt.Printf("throughput  %.0f requests/s\n", float64(done)/elapsed.Seconds())
	fmt.Printf("latency     p50 %s  p99 %s  max %s\n", pct(latencies, 50), pct(latencies, 99), pct(latencies, 100))
	fmt.Printf("errors      %d\n", errs.Load())
	if e := firstErr.Load(); e != nil {
		fmt.Printf("first error %s\n", e)
	}
	if errs.Load() > 0 {
		os.Exit(1)
	}
}

// post sends one request and checks that it succeeded with a JSON body.
func post(c *http.Client, url string, body []byte) error {
	resp, err := c.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var out struct {
		Text *string `json:"text"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return fmt.Errorf("status %d: %w", resp.StatusCode, err)
	}
	io.Copy(io.Discard, resp.Body) // let the connection be reused
	if resp.StatusCode != http.StatusOK || out.Text == nil {
		return errors.New(resp.Status)
	}
	return nil
}

// pct returns the p-th percentile of sorted durations, by nearest rank.
func pct(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := (len(sorted)*p + 99) / 100
	return sorted[max(i-1, 0)].Round(time.Microsecond)
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "load:", err)
	os.Exit(1)
}
