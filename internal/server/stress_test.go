package server

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// startServer runs Serve on a loopback port for the length of the test.
func startServer(t *testing.T, cfg Config) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, ln, cfg) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	return ln.Addr().String()
}

func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}

// healthy fails the test unless the server answers /healthz.
func healthy(t *testing.T, addr string) {
	t.Helper()
	resp, err := http.Get("http://" + addr + "/healthz")
	if err != nil {
		t.Fatalf("server down: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("healthz: status %d", resp.StatusCode)
	}
}

// statusLine reads the status line of the response on c.
func statusLine(t *testing.T, c net.Conn) string {
	t.Helper()
	// A deadline only bounds a hung test; the assertion is on the status.
	c.SetReadDeadline(time.Now().Add(30 * time.Second))
	line, err := bufio.NewReader(c).ReadString('\n')
	if err != nil {
		t.Fatalf("no response: %v", err)
	}
	return strings.TrimSpace(line)
}

// TestHugeDeclaredBody sends requests that declare a 1 GB body and then
// send almost none of it. The server must refuse them with 413 at once,
// from the header alone: if it waited for or buffered the body, the
// response would never come and memory would climb.
func TestHugeDeclaredBody(t *testing.T) {
	addr := startServer(t, Config{MaxBody: 1 << 20})
	before := heapInUse()
	for i := 0; i < 20; i++ {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(c, "POST /v1/fix HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n{\"text\": \"", addr, 1<<30)
		if got := statusLine(t, c); !strings.Contains(got, " 413 ") {
			t.Fatalf("request %d: %q, want 413", i, got)
		}
		c.Close()
	}
	healthy(t, addr)
	if grew := int64(heapInUse()) - int64(before); grew > 16<<20 {
		t.Errorf("heap grew by %d MB", grew>>20)
	}
}

// TestStreamedBodyOverLimit streams a 64 MB chunked body, with no declared
// length, at a server whose limit is 1 MB: the server must stop reading
// at the limit and answer 413, holding no more than the limit.
func TestStreamedBodyOverLimit(t *testing.T) {
	addr := startServer(t, Config{MaxBody: 1 << 20})
	before := heapInUse()
	for i := 0; i < 3; i++ {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(c, "POST /v1/explain HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n", addr)
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			chunk := []byte(strings.Repeat("Ã©", 32<<10)) // 128 KB of mojibake
			fmt.Fprintf(c, "%x\r\n{\"text\": \"\r\n", 10)
			for sent := 0; sent < 64<<20; sent += len(chunk) {
				// The server closes the connection once it has answered;
				// the write error that follows is expected.
				if _, err := fmt.Fprintf(c, "%x\r\n%s\r\n", len(chunk), chunk); err != nil {
					return
				}
			}
		}()
		if got := statusLine(t, c); !strings.Contains(got, " 413 ") {
			t.Fatalf("request %d: %q, want 413", i, got)
		}
		c.Close()
		wg.Wait()
	}
	healthy(t, addr)
	if grew := int64(heapInUse()) - int64(before); grew > 16<<20 {
		t.Errorf("heap grew by %d MB after streaming 192 MB", grew>>20)
	}
}

// TestSlowLoris opens connections that send their headers one byte at a
// time and never finish. ReadHeaderTimeout must close each of them while
// the server goes on answering others.
func TestSlowLoris(t *testing.T) {
	addr := startServer(t, Config{ReadHeaderTimeout: 500 * time.Millisecond})
	before := heapInUse()
	const clients = 32
	closed := make(chan error, clients)
	stop := make(chan struct{})
	defer close(stop)
	for i := 0; i < clients; i++ {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		go func() {
			header := fmt.Sprintf("POST /v1/fix HTTP/1.1\r\nHost: %s\r\nX-Slow: %s", addr, strings.Repeat("z", 1000))
			for i := 0; i < len(header); i++ {
				select {
				case <-stop:
					return
				case <-time.After(100 * time.Millisecond):
				}
				if _, err := c.Write([]byte{header[i]}); err != nil {
					return // closed by the server
				}
			}
		}()
		go func() {
			// The server answers 408 or just closes; either way the
			// read ends, which is what matters.
			c.SetReadDeadline(time.Now().Add(60 * time.Second))
			_, err := io.Copy(io.Discard, c)
			closed <- err
		}()
	}
	// While the slow clients hang on, a normal client is served.
	healthy(t, addr)
	for i := 0; i < clients; i++ {
		if err := <-closed; err != nil {
			if ne, ok := err.(net.Error); ok && ne.Timeout() {
				t.Fatalf("a slow client was never disconnected")
			}
		}
	}
	healthy(t, addr)
	if grew := int64(heapInUse()) - int64(before); grew > 16<<20 {
		t.Errorf("heap grew by %d MB", grew>>20)
	}
}
