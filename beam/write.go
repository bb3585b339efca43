package mojibeam

import (
	"bufio"
	"compress/gzip"
	"context"
	"fmt"
	"hash/fnv"
	"io"
	"math/rand/v2"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

func init() {
	register.DoFn1x2[string, int, string](&shardKeyFn{})
	register.DoFn3x1[context.Context, int, func(*string) bool, error](&writeShardFn{})
	register.Iter1[string]()
}

// WriteShards writes col, a PCollection<string>, as lines to at most
// shards files named prefix + "-SSSSS-of-NNNNN" + suffix, e.g.
// "out/fixed-00003-of-00008.jsonl.gz". A suffix ending in ".gz" makes the
// files gzip-compressed; textio.Write of the Go SDK writes one plain file
// and has no compression option. prefix may name any file system the
// binary registers (local paths, gs://, s3://).
//
// Lines are spread over the shards by a hash of their content, so a shard
// that receives no line writes no file. Each file is written under a
// temporary name and renamed when complete, so a retried or failed worker
// never leaves a truncated file under a final name.
func WriteShards(s beam.Scope, prefix, suffix string, shards int, col beam.PCollection) {
	if shards < 1 {
		panic(fmt.Sprintf("mojibeam.WriteShards: %d shards", shards))
	}
	filesystem.ValidateScheme(prefix)
	s = s.Scope("moji.WriteShards")
	keyed := beam.ParDo(s, &shardKeyFn{Shards: shards}, col)
	grouped := beam.GroupByKey(s, keyed)
	beam.ParDo0(s, &writeShardFn{Prefix: prefix, Suffix: suffix, Shards: shards}, grouped)
}

// ShardName returns the name of shard i of n.
func ShardName(prefix, suffix string, i, n int) string {
	return fmt.Sprintf("%s-%05d-of-%05d%s", prefix, i, n, suffix)
}

// shardKeyFn keys each line by its shard.
type shardKeyFn struct {
	Shards int `json:"shards"`
}

func (fn *shardKeyFn) ProcessElement(line string) (int, string) {
	h := fnv.New32a()
	io.WriteString(h, line)
	return int(h.Sum32() % uint32(fn.Shards)), line
}

// writeShardFn writes the lines of one shard to its file.
type writeShardFn struct {
	Prefix string `json:"prefix"`
	Suffix string `json:"suffix"`
	Shards int    `json:"shards"`
}

func (fn *writeShardFn) ProcessElement(ctx context.Context, shard int, lines func(*string) bool) (err error) {
	name := ShardName(fn.Prefix, fn.Suffix, shard, fn.Shards)
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return err
	}
	defer fs.Close()
	// The random part keeps two attempts at the same shard apart.
	tmp := fmt.Sprintf("%s.tmp-%016x", name, rand.Uint64())
	fd, err := fs.OpenWrite(ctx, tmp)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			fd.Close()
			if rm, ok := fs.(filesystem.Remover); ok {
				rm.Remove(ctx, tmp)
			}
		}
	}()
	var (
		w  io.Writer = fd
		zw *gzip.Writer
	)
	if strings.HasSuffix(fn.Suffix, ".gz") {
		zw = gzip.NewWriter(fd)
		w = zw
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	var line string
	for lines(&line) {
		bw.WriteString(line)
		if err := bw.WriteByte('\n'); err != nil {
			return fmt.Errorf("%s: %v", tmp, err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("%s: %v", tmp, err)
	}
	if zw != nil {
		if err := zw.Close(); err != nil {
			return fmt.Errorf("%s: %v", tmp, err)
		}
	}
	if err := fd.Close(); err != nil {
		return fmt.Errorf("%s: %v", tmp, err)
	}
	return filesystem.Rename(ctx, fs, tmp, name)
}
