package server

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/mojitext/moji"
)

// chromiumPath is where Debian's chromium package puts the browser;
// testdata/install-chromium.sh installs it.
const chromiumPath = "/usr/bin/chromium"

// browser starts a headless chromium for the test and returns its
// context. The browser is fresh (its own profile) and reaches nothing but
// the loopback: background networking, component updates and QUIC are off.
func browser(t *testing.T, width, height int) context.Context {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		if _, err := exec.LookPath("chromium"); err != nil {
			t.Skip("no chromium installed (" + chromiumPath + "); run internal/server/testdata/install-chromium.sh to run the browser test")
		}
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless,
		chromedp.NoSandbox, // CI runs as root, where the sandbox cannot start
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(width, height),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	t.Cleanup(func() {
		cancelCtx()
		cancelAlloc()
	})
	// Start the browser now, on the uncancelled context: a timeout on the
	// first Run would stop the whole browser.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	return ctx
}

// TestBrowser loads the playground in a real browser, pastes the flagship
// article, clicks Fix and checks the repaired text and the plan shown.
func TestBrowser(t *testing.T) {
	ctx := browser(t, 1280, 1400)
	srv := newLoopbackServer(t)
	article := flagship(t)
	want := moji.Default.FixString(article)
	if want == article {
		t.Fatal("the library leaves the flagship article unchanged")
	}

	// Bound the page work, not the browser's life.
	tctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	err := chromedp.Do(tctx,
		chromedp.Navigate(srv+"/"),
		chromedp.WaitVisible(chromedp.CSS("#input")),
		// What a paste leaves: the text in the box.
		chromedp.SetValue(chromedp.CSS("#input"), article),
		chromedp.Click(chromedp.CSS("#fix")),
		chromedp.WaitVisible(chromedp.CSS("#output button.chg")),
	)
	if err != nil {
		t.Fatalf("driving the page: %v", err)
	}
	got, err := chromedp.Run(tctx, chromedp.TextContent(chromedp.CSS("#output")))
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("repaired text shown differs from the library's:\n got %.200q\nwant %.200q", got, want)
	}
	if strings.Contains(got, "鈥") {
		t.Errorf("the repaired text still shows 鈥")
	}
	steps, err := chromedp.Run(tctx, chromedp.Text(chromedp.CSS("#steps")))
	if err != nil {
		t.Fatal(err)
	}
	_, plan := moji.Default.Fix(article)
	for _, st := range plan {
		if !strings.Contains(steps, st.String()) {
			t.Errorf("steps shown %q lack %q", steps, st.String())
		}
	}
	if !strings.Contains(steps, "utf-8 bytes decoded as gbk") {
		t.Errorf("steps shown %q do not name the GBK mis-decoding", steps)
	}

	// Selecting a change shows its bytes: 鈥 stands for E2 80.
	err = chromedp.Do(tctx,
		chromedp.Click(chromedp.CSS("#output button.chg")),
		chromedp.WaitVisible(chromedp.CSS("#bytes table")),
	)
	if err != nil {
		t.Fatal(err)
	}
	bytesShown, err := chromedp.Run(tctx, chromedp.Text(chromedp.CSS("#bytes")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(bytesShown, "E2 80") || !strings.Contains(bytesShown, "U+9225") {
		t.Errorf("byte view %q lacks E2 80 and U+9225", bytesShown)
	}

	png, err := chromedp.Run(tctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(t.TempDir(), "playground.png")
	if err := os.WriteFile(shot, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s (%d bytes)", shot, len(png))
	if out := os.Getenv("MOJI_PLAYGROUND_SCREENSHOT"); out != "" {
		// How docs/playground.png is made.
		if err := os.WriteFile(out, png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestBrowserPhone checks the page on a phone-sized screen: the layout is
// one column, nothing is wider than the screen, and the example button
// fixes the flagship article.
func TestBrowserPhone(t *testing.T) {
	ctx := browser(t, 390, 844)
	srv := newLoopbackServer(t)
	tctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	err := chromedp.Do(tctx,
		chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile),
		chromedp.Navigate(srv+"/"),
		chromedp.WaitVisible(chromedp.CSS("#ex-nato")),
		chromedp.Click(chromedp.CSS("#ex-nato")),
		chromedp.WaitVisible(chromedp.CSS("#output button.chg")),
	)
	if err != nil {
		t.Fatalf("driving the page: %v", err)
	}
	overflow, err := chromedp.Run(tctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`))
	if err != nil {
		t.Fatal(err)
	}
	if overflow {
		t.Errorf("the page is wider than a phone screen")
	}
	got, err := chromedp.Run(tctx, chromedp.TextContent(chromedp.CSS("#output")))
	if err != nil {
		t.Fatal(err)
	}
	if want := moji.Default.FixString(flagship(t)); got != want {
		t.Errorf("repaired text shown differs from the library's")
	}
	// Keyboard: Tab from the text box reaches the file picker, the preset
	// and then Fix, in reading order.
	if err := chromedp.Do(tctx, chromedp.Focus(chromedp.CSS("#input"))); err != nil {
		t.Fatal(err)
	}
	var order []string
	for range 3 {
		if err := chromedp.Do(tctx, chromedp.KeyEvent("\t")); err != nil {
			t.Fatal(err)
		}
		id, err := chromedp.Run(tctx, chromedp.Evaluate[string]("document.activeElement.id"))
		if err != nil {
			t.Fatal(err)
		}
		order = append(order, id)
	}
	if strings.Join(order, ",") != "file,preset,fix" {
		t.Errorf("focus order after the text box: %v, want file, preset, fix", order)
	}
}

func newLoopbackServer(t *testing.T) string {
	srv := httptest.NewServer(Handler(Config{}))
	t.Cleanup(srv.Close)
	return srv.URL
}
