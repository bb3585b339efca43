package mojibeam

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

func init() {
	register.DoFn3x1[context.Context, fileio.ReadableFile, func(string), error](&readLinesFn{})
}

// ReadLines reads the files matching glob and returns their lines, without
// the "\n", as a PCollection<string>. Files whose name ends in ".gz" are
// read as gzip. Lines split at "\n" only, as "moji fix" splits them: a
// "\r" before it stays part of the line. A glob that matches no file is an
// error, so that a mistyped path fails rather than yielding nothing.
//
// Each file is read whole by one worker, so the parallelism is the number
// of files; corpora are usually sharded that way. textio.Read of the Go
// SDK v2.77.0 is not used because it loses lines of gzip files: it splits
// and claims each file by its compressed size while it counts offsets in
// the uncompressed text, so it stops reading about where the compressed
// size runs out.
func ReadLines(s beam.Scope, glob string) beam.PCollection {
	s = s.Scope("moji.ReadLines")
	matches := fileio.MatchFiles(s, glob, fileio.MatchEmptyDisallow())
	files := fileio.ReadMatches(s, matches, fileio.ReadAutoCompression())
	return beam.ParDo(s, &readLinesFn{}, files)
}

// readLinesFn emits the lines of one file.
type readLinesFn struct{}

func (fn *readLinesFn) ProcessElement(ctx context.Context, file fileio.ReadableFile, emit func(string)) error {
	rc, err := file.Open(ctx)
	if err != nil {
		return err
	}
	defer rc.Close()
	br := bufio.NewReaderSize(rc, 1<<20)
	for {
		line, err := br.ReadString('\n')
		if len(line) > 0 {
			emit(strings.TrimSuffix(line, "\n"))
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %v", file.Metadata.Path, err)
		}
	}
}
