package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/mojitext/moji"
)

// TestSignalHelper is the moji process of TestSIGINT; it runs only when
// that test starts it.
func TestSignalHelper(t *testing.T) {
	if os.Getenv("MOJI_SIGNAL_HELPER") != "1" {
		t.Skip("run by TestSIGINT")
	}
	args := os.Args
	for i, a := range args {
		if a == "--" {
			args = args[i+1:]
			break
		}
	}
	os.Exit(run(args, os.Stdin, os.Stdout, os.Stderr))
}

// TestSIGINT interrupts a real process in the middle of a shard: it reads
// a FIFO that the test keeps open. The finished shard stays, the
// unfinished one leaves nothing, and the exit status is 130.
func TestSIGINT(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	done := writeFile(t, in, "a.jsonl", jsonlCorpus(20), 0o644)
	fifo := filepath.Join(in, "b.jsonl")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestSignalHelper$", "--", "fix", "--jsonl", "--out-dir", out, done, fifo)
	cmd.Env = append(os.Environ(), "MOJI_SIGNAL_HELPER=1")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w, err := os.OpenFile(fifo, os.O_WRONLY, 0) // waits for moji to open it
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	w.WriteString(jsonlCorpus(10))
	// Wait for the temporary output of the FIFO's shard.
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(10 * time.Millisecond) {
		if m, _ := filepath.Glob(filepath.Join(out, ".b.jsonl.moji-*")); len(m) > 0 {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("no temporary file appeared; stderr %q", stderr.String())
		}
	}
	cmd.Process.Signal(os.Interrupt)
	err = cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != exitInterrupted || !strings.Contains(stderr.String(), "interrupted") {
		t.Fatalf("exit %v, stderr %q; want status %d", err, stderr.String(), exitInterrupted)
	}
	assertOnlyFiles(t, out, "a.jsonl")
	if got, want := readShard(t, filepath.Join(out, "a.jsonl")), fixJSONLSerial(moji.Default, jsonlCorpus(20)); got != want {
		t.Errorf("a.jsonl = %q, want %q", got, want)
	}
}
