package codec

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash"
	"os"
	"strconv"
	"strings"
	"testing"
)

// The probes below mirror golden() in internal/gen/codec/dump_python_codecs.py exactly: the same inputs
// in the same order, hashed the same way. testdata/python-golden.txt holds Python's hashes.

var goldenSuffixes = [][]byte{
	{}, []byte("A"), {0x81}, {0x30, 0x81}, {0xA1, 0xA1}, {0x81, 0x30, 0x81, 0x30, 'A'},
	{0xA4, 0xD4, 0xA4, 0xA1, 0xA4, 0xBF, 0xA4, 0xD4},
}

var gb4Last = []byte{0x00, 0x2F, 0x30, 0x35, 0x39, 0x3A, 0x41, 0x80, 0x81, 0xFE, 0xFF}

var goldenSpecial = []byte{0xA4, 0xD4, 0x8F, 0x8E, 0x81, 0xA1, 0xFE, 0x80}

// splitMix is splitmix64, as SplitMix in the Python script.
type splitMix struct{ s uint64 }

func (r *splitMix) next() uint64 {
	r.s += 0x9E3779B97F4A7C15
	z := r.s
	z = (z ^ z>>30) * 0xBF58476D1CE4E5B9
	z = (z ^ z>>27) * 0x94D049BB133111EB
	return z ^ z>>31
}

func goldenRandomInput(r *splitMix) []byte {
	n := r.next() % 17
	out := make([]byte, 0, n)
	for i := uint64(0); i < n; i++ {
		x := r.next()
		k, v := x%8, x>>8
		switch {
		case k == 0:
			out = append(out, byte(v%128))
		case k <= 4:
			out = append(out, byte(0x80+v%128))
		case k == 5:
			out = append(out, byte(0x30+v%10))
		case k == 6:
			out = append(out, goldenSpecial[v%uint64(len(goldenSpecial))])
		default:
			out = append(out, byte(v%256))
		}
	}
	return out
}

type goldenHasher struct {
	h   hash.Hash
	buf []byte
	c   Charset
}

// put hashes the decoding of p the way the script's put(h, p.decode(codec, errors)) does.
func (g *goldenHasher) put(p []byte, loss Loss) {
	out, _ := AppendDecodeString(g.buf[:0], g.c, p, loss)
	g.buf = out
	var n [4]byte
	binary.LittleEndian.PutUint32(n[:], uint32(len(out)))
	g.h.Write(n[:])
	g.h.Write(out)
}

func (g *goldenHasher) sum() string { return hex.EncodeToString(g.h.Sum(nil))[:16] }

func goldenHash(c Charset, probe, arg string) string {
	g := &goldenHasher{h: sha256.New(), c: c}
	in := make([]byte, 0, 16)
	switch probe {
	case "pairs":
		b, _ := strconv.ParseUint(arg, 16, 8)
		for b2 := 0; b2 < 256; b2++ {
			for _, suf := range goldenSuffixes {
				in = append(append(in[:0], byte(b), byte(b2)), suf...)
				g.put(in, ReplaceFFFD)
			}
		}
	case "quad":
		b, _ := strconv.ParseUint(arg, 16, 8)
		for b2 := 0x30; b2 < 0x3A; b2++ {
			for b3 := 0; b3 < 256; b3++ {
				for _, b4 := range gb4Last {
					g.put([]byte{byte(b), byte(b2), byte(b3), b4, 'A'}, ReplaceFFFD)
				}
			}
		}
	case "triple":
		for b2 := 0; b2 < 256; b2++ {
			for b3 := 0; b3 < 256; b3++ {
				g.put([]byte{0x8F, byte(b2), byte(b3)}, ReplaceFFFD)
				g.put([]byte{0x8F, byte(b2), byte(b3), 'A'}, ReplaceFFFD)
			}
		}
	case "makeup":
		pos, _ := strconv.Atoi(arg)
		for x := 0; x < 256; x++ {
			for _, y := range []byte{0xA1, 0xA4, 0xBF, 0xD4, 0xC0, 0x41} {
				seq := []byte{0xA4, 0xD4, 0xA4, 0xA1, 0xA4, 0xBF, 0xA4, 0xD4}
				seq[pos] = byte(x)
				seq[pos-1] = y
				g.put(seq, ReplaceFFFD)
				g.put(append(append([]byte(nil), seq...), 'A'), ReplaceFFFD)
				g.put(seq[:7], ReplaceFFFD)
			}
		}
	case "random-replace", "random-ignore":
		chunk, _ := strconv.Atoi(arg)
		rng := &splitMix{0x6D6F6A69}
		loss := ReplaceFFFD
		if probe == "random-ignore" {
			loss = Drop
		}
		for i := 0; i < chunk*1000; i++ {
			goldenRandomInput(rng)
		}
		for i := 0; i < 1000; i++ {
			g.put(goldenRandomInput(rng), loss)
		}
	case "encode":
		plane, _ := strconv.Atoi(arg)
		var buf [8]byte
		for cp := rune(plane) << 16; cp < rune(plane+1)<<16; cp++ {
			if 0xD800 <= cp && cp < 0xE000 {
				continue
			}
			out, ok := AppendEncodeStringPython(buf[:1], c, string(cp))
			if !ok {
				g.h.Write([]byte{0xFF})
				continue
			}
			out[0] = byte(len(out) - 1)
			g.h.Write(out)
		}
	default:
		return "unknown probe " + probe
	}
	return g.sum()
}

func TestPythonGolden(t *testing.T) {
	f, err := os.Open("testdata/python-golden.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	lines, failed := 0, 0
	probes := map[string]int{}
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || line == "" {
			continue
		}
		fs := strings.Fields(line)
		if len(fs) != 4 {
			t.Fatalf("bad line %q", line)
		}
		name, probe, arg, want := fs[0], fs[1], fs[2], fs[3]
		if testing.Short() && probe == "encode" && arg != "0" {
			continue
		}
		c, ok := ByName(name)
		if !ok {
			t.Fatalf("no charset %q", name)
		}
		lines++
		probes[name]++
		if got := goldenHash(c, probe, arg); got != want {
			failed++
			if failed <= 30 {
				t.Errorf("%s %s %s: hash %s, Python's is %s", name, probe, arg, got, want)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	for _, c := range All {
		if mb, ok := c.(*MultiByte); ok && probes[mb.Name()] == 0 {
			t.Errorf("%s has no golden hashes", mb.Name())
		}
	}
	t.Logf("%d golden hashes checked, %d differ", lines, failed)
}

// TestGoldenHasherSelfCheck makes sure the hasher sees the decoder's output (a sanity check of the test).
func TestGoldenHasherSelfCheck(t *testing.T) {
	if a, b := goldenHash(GBK, "pairs", "81"), goldenHash(Big5, "pairs", "81"); a == b {
		t.Fatal("different charsets hash the same")
	}
}
