// Command moji-beam repairs mojibake in JSON Lines (or text) files with an
// Apache Beam pipeline: read the --input glob (gzip by extension), repair
// each line as "moji fix --jsonl" does, and write sharded files under the
// --output prefix.
//
// Usage:
//
//	moji-beam --input 'corpus/*.jsonl.gz' --output fixed/part [flags] [beam flags]
//
// The runner is Beam's standard --runner flag (default prism, which runs
// locally); see beam/README.md for Dataflow and Flink.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"
	"github.com/mojitext/moji"
	mojibeam "github.com/mojitext/moji/beam"
)

// fieldsFlag collects --field values; each may also list names separated
// by commas, as Dataflow templates pass repeated values.
type fieldsFlag []string

func (f *fieldsFlag) String() string { return strings.Join(*f, ",") }

func (f *fieldsFlag) Set(v string) error {
	for _, name := range strings.Split(v, ",") {
		if name = strings.TrimSpace(name); name != "" {
			*f = append(*f, name)
		}
	}
	return nil
}

var (
	input   = flag.String("input", "", "glob of the input files; names ending in .gz are read as gzip (required)")
	output  = flag.String("output", "", "prefix of the output files, e.g. out/fixed or gs://bucket/fixed (required)")
	suffix  = flag.String("suffix", ".jsonl.gz", "suffix of the output files; one ending in .gz writes gzip")
	shards  = flag.Int("shards", 8, "number of output files")
	preset  = flag.String("preset", "default", "repair preset: default, ftfy or encoding")
	onError = flag.String("on-error", "fail", "for a JSONL line that does not parse or lacks a field: fail, keep or skip")
	text    = flag.Bool("text", false, "input is plain text: repair whole lines instead of JSONL fields")
	repairs = flag.Bool("repair_counters", true, "count repairs by kind (repair:KIND counters); false about halves the time on mostly damaged text")
	fields  fieldsFlag
)

func init() {
	flag.Var(&fields, "field", `a string member to repair (repeatable or comma-separated; default "text")`)
}

func main() {
	flag.Parse()
	beam.Init()
	if err := validate(); err != nil {
		fmt.Fprintf(os.Stderr, "moji-beam: %v\n", err)
		flag.Usage()
		os.Exit(2)
	}
	cfg, _ := moji.Preset(*preset)

	p, s := beam.NewPipelineWithRoot()
	lines := mojibeam.ReadLines(s, *input)
	var fixed beam.PCollection
	if *text {
		fixed = mojibeam.FixText(s, lines, cfg)
	} else {
		fixed = mojibeam.FixJSONLWith(s, lines, mojibeam.JSONLOptions{
			Fields: fields, Config: cfg, OnError: *onError, NoRepairCounters: !*repairs,
		})
	}
	mojibeam.WriteShards(s, *output, *suffix, *shards, fixed)

	res, err := beamx.RunWithMetrics(context.Background(), p)
	if err != nil {
		log.Fatalf("moji-beam: %v", err)
	}
	if res != nil {
		// Print the counters the runner reports: runners that do not
		// report metrics give a nil result or none.
		counts := map[string]int64{}
		for _, c := range res.Metrics().AllMetrics().Counters() {
			if c.Namespace() == mojibeam.Namespace {
				counts[c.Name()] += c.Result()
			}
		}
		for _, name := range slices.Sorted(maps.Keys(counts)) {
			fmt.Fprintf(os.Stderr, "moji-beam: %s %d\n", name, counts[name])
		}
	}
}

// validate checks the flags as "moji fix" does, before any work starts.
func validate() error {
	if len(fields) == 0 {
		fields = fieldsFlag{"text"}
	}
	if _, ok := moji.Preset(*preset); !ok {
		return fmt.Errorf("unknown preset %q (want default, ftfy or encoding)", *preset)
	}
	switch *onError {
	case mojibeam.OnErrorFail, mojibeam.OnErrorKeep, mojibeam.OnErrorSkip:
	default:
		return fmt.Errorf("unknown --on-error policy %q (want fail, keep or skip)", *onError)
	}
	switch {
	case *input == "":
		return fmt.Errorf("--input is required")
	case *output == "":
		return fmt.Errorf("--output is required")
	case *shards < 1:
		return fmt.Errorf("--shards must be at least 1")
	case len(fields) > 64:
		return fmt.Errorf("at most 64 --field names")
	}
	return nil
}
