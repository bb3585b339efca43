// Command detectcli is a stand-in for "moji detect --files-from -" with no
// dependency on the rest of cmd/moji: it reads paths on stdin and prints
// PATH<TAB>ENCODING<TAB>CONFIDENCE<TAB>LANGUAGE, for the scorers while the
// CLI is being changed.
package main

import (
	"bufio"
	"fmt"
	"os"

	"github.com/mojitext/moji/detect"
)

func main() {
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		path := sc.Text()
		f, err := os.Open(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			continue
		}
		res, err := detect.Reader(f)
		f.Close()
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			continue
		}
		fmt.Fprintf(out, "%s\t%s\t%.3f\t%s\n", path, res.Encoding, res.Confidence, res.Language)
	}
}
