#!/usr/bin/env python3
"""Derive moji's charset data from Python's own codecs.

moji repairs text that was damaged by Python (and browser) codecs, so its tables must reproduce Python's
behaviour byte for byte. This script reads the manifest data/charsets.txt and writes:

  data/singlebyte.txt        the 256-entry table of every single-byte charset (kinds sb and sloppy)
  data/mb-<name>.txt         the complete behaviour of every multi-byte charset (kind mb)
  ../../codec/testdata/python-golden.txt
                             hashes of Python's decoder and encoder output over exhaustive and
                             pseudo-random probes, which internal/codec's tests recompute in Go

The file formats are documented in data/README.md. The output depends only on the Python version's codec
tables (checked with CPython 3.11); run it again after a Python upgrade and review the diff:

    python3 internal/gen/codec/dump_python_codecs.py && go generate ./internal/codec

It takes about two minutes. Go code never runs it: CI only needs `go generate`.
"""

import codecs
import collections
import encodings.aliases
import hashlib
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")
GOLDEN = os.path.join(HERE, "..", "..", "codec", "testdata", "python-golden.txt")
PYVER = "CPython %d.%d.%d" % sys.version_info[:3]


def read_manifest():
    out = []
    with open(os.path.join(DATA, "charsets.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].split()
            if line:
                out.append((line[0], line[1], line[2], line[3:]))
    return out


def python_aliases(codec):
    al = sorted(k for k, v in encodings.aliases.aliases.items() if v == codec)
    return [codec] + [a for a in al if a != codec]


# ---------------------------------------------------------------------------------------------- single-byte


def dump_singlebyte(manifest):
    lines = [
        "# moji single-byte charset tables, derived from %s's codecs by dump_python_codecs.py." % PYVER,
        "# Format (see README.md): 'charset NAME PYCODEC', 'aliases ...', then 16 rows of 16 code points",
        "# for bytes 00-FF in order ('----': the byte is undefined in Python's strict codec).",
        "",
    ]
    done = set()
    for name, kind, py, _ in manifest:
        if kind != "sb" and kind != "sloppy":
            continue
        if py in done:
            continue
        done.add(py)
        table = []
        for b in range(256):
            try:
                u = bytes([b]).decode(py)
            except UnicodeDecodeError:
                table.append(None)
                continue
            assert len(u) == 1 and ord(u) < 0x10000, (py, b, u)
            table.append(ord(u))
        # Python's charmap encoder must be the exact inverse of its decoder.
        inv = {}
        for b, cp in enumerate(table):
            if cp is not None:
                assert cp not in inv, (py, "two bytes decode to", hex(cp))
                inv[cp] = b
        for cp in range(0x110000):
            if 0xD800 <= cp < 0xE000:
                continue
            try:
                e = chr(cp).encode(py)
            except UnicodeEncodeError:
                assert cp not in inv, (py, hex(cp))
                continue
            assert inv.get(cp) == e[0] and len(e) == 1, (py, hex(cp), e)
        lines.append("charset %s" % py)
        lines.append("aliases " + " ".join(python_aliases(py)))
        for row in range(16):
            toks = []
            for cp in table[row * 16 : row * 16 + 16]:
                toks.append("----" if cp is None else "%04X" % cp)
            lines.append(" ".join(toks))
        lines.append("")
    with open(os.path.join(DATA, "singlebyte.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines))


# ---------------------------------------------------------------------------------------------- multi-byte


def probe(codec, seq):
    """How Python's incremental decoder handles seq at the start of its input (final=False):
    ('ok', text) if seq is one complete character, ('more',) if it needs more input, ('err', start, end)."""
    d = codecs.getincrementaldecoder(codec)("strict")
    try:
        out = d.decode(seq, final=False)
    except UnicodeDecodeError as e:
        return ("err", e.start, e.end)
    buf, _ = d.getstate()
    if buf:
        assert out == "" and buf == seq, (codec, seq, out, buf)
        return ("more",)
    return ("ok", out)


def gb4_index(b1, b2, b3, b4):
    return (((b1 - 0x81) * 10 + (b2 - 0x30)) * 126 + (b3 - 0x81)) * 10 + (b4 - 0x30)


def gb4_seq(i):
    b4 = i % 10
    i //= 10
    b3 = i % 126
    i //= 126
    b2 = i % 10
    b1 = i // 10
    return bytes([b1 + 0x81, b2 + 0x30, b3 + 0x81, b4 + 0x30])


def ranges(bs):
    """Compress a sorted list of byte values into 'XX-YY' / 'XX' terms."""
    out = []
    for b in bs:
        if out and out[-1][1] == b - 1:
            out[-1][1] = b
        else:
            out.append([b, b])
    return ["%02X" % a if a == b else "%02X-%02X" % (a, b) for a, b in out]


class MB:
    def __init__(self, name, py):
        self.name = name
        self.py = py
        self.map = {}  # bytes -> str (every complete, valid sequence)
        self.more = []  # prefixes (bytes) that need more input, for the short structural ones
        self.more_rules = []  # textual 'more' rules
        self.gb4 = False
        self.makeup = None
        self.notes = []

    def explore(self):
        py = self.py
        more1 = []
        for b in range(256):
            r = probe(py, bytes([b]))
            if r[0] == "ok":
                self.map[bytes([b])] = r[1]
            elif r[0] == "more":
                more1.append(b)
            else:
                assert r[1:] == (0, 1), (py, b, r)
        self.more_rules.append(" ".join(ranges(more1)))
        more2 = collections.defaultdict(list)
        for b in more1:
            for b2 in range(256):
                seq = bytes([b, b2])
                r = probe(py, seq)
                if r[0] == "ok":
                    self.map[seq] = r[1]
                elif r[0] == "more":
                    more2[b2].append(b)
                else:
                    assert r[1:] == (0, 1), (py, seq, r)
        if not more2:
            return
        if py == "gb18030":
            # [any lead][30-39] needs four bytes; Python checks nothing before it has them.
            assert sorted(more2) == list(range(0x30, 0x3A)) and all(v == more1 for v in more2.values())
            for b in more1:
                for b2 in range(0x30, 0x3A):
                    for b3 in range(256):
                        assert probe(py, bytes([b, b2, b3])) == ("more",)
            self.more_rules.append("%s 30-39" % " ".join(ranges(more1)))
            self.more_rules.append("%s 30-39 00-FF" % " ".join(ranges(more1)))
            self.gb4 = True
            for b1 in range(0x81, 0xFF):
                for b2 in range(0x30, 0x3A):
                    for b3 in range(0x81, 0xFF):
                        for b4 in range(0x30, 0x3A):
                            seq = bytes([b1, b2, b3, b4])
                            try:
                                self.map[seq] = seq.decode(py)
                            except UnicodeDecodeError as e:
                                assert (e.start, e.end) == (0, 1)
            return
        if py == "euc_jp":
            # 8F: JIS X 0212, three bytes.
            assert list(more2) and all(v == [0x8F] for v in more2.values()) and len(more2) == 256
            self.more_rules.append("8F 00-FF")
            for b2 in range(256):
                for b3 in range(256):
                    seq = bytes([0x8F, b2, b3])
                    r = probe(py, seq)
                    if r[0] == "ok":
                        self.map[seq] = r[1]
                    else:
                        assert r == ("err", 0, 1), (seq, r)
            return
        if py == "euc_kr":
            # A4 D4 starts a KS X 1001:1998 Annex 3 make-up sequence of eight bytes:
            # A4 D4 A4 <cho> A4 <jung> A4 <jong>, decoded as one precomposed Hangul syllable.
            assert dict(more2) == {0xD4: [0xA4]}
            for k in range(2, 8):
                self.more_rules.append("A4 D4" + " 00-FF" * (k - 2))
                for tail in (b"\x41" * (k - 2), b"\xa4" * (k - 2), b"\xa4\xa1" * 3):
                    assert probe(py, (b"\xa4\xd4" + tail)[:k]) == ("more",)
            self.makeup = {}
            base = {"cho": 0xA1, "jung": 0xBF, "jong": 0xD4}
            for slot, pos in (("cho", 3), ("jung", 5), ("jong", 7)):
                vals = {}
                for x in range(256):
                    seq = bytearray(b"\xa4\xd4\xa4\xa1\xa4\xbf\xa4\xd4")
                    seq[pos] = x
                    try:
                        u = bytes(seq).decode(py)
                    except UnicodeDecodeError as e:
                        assert (e.start, e.end) == (0, 1)
                        continue
                    assert len(u) == 1 and 0xAC00 <= ord(u) <= 0xD7A3
                    s = ord(u) - 0xAC00
                    vals[x] = {"cho": s // 588, "jung": (s // 28) % 21, "jong": s % 28}[slot]
                self.makeup[slot] = vals
            # Positions 2, 4 and 6 must be A4, else the lead byte is one invalid byte.
            for pos in (2, 4, 6):
                seq = bytearray(b"\xa4\xd4\xa4\xa1\xa4\xbf\xa4\xd4")
                seq[pos] = 0xA5
                r = probe(py, bytes(seq))
                assert r == ("err", 0, 1), r
            # Every syllable: the 8-byte sequence decodes to it; record the decoded map entries.
            cho = {v: k for k, v in self.makeup["cho"].items()}
            jung = {v: k for k, v in self.makeup["jung"].items()}
            jong = {v: k for k, v in self.makeup["jong"].items()}
            assert len(cho) == 19 and len(jung) == 21 and len(jong) == 28
            assert len(self.makeup["cho"]) == 19 and len(self.makeup["jung"]) == 21 and len(self.makeup["jong"]) == 28
            for s in range(11172):
                seq = bytes([0xA4, 0xD4, 0xA4, cho[s // 588], 0xA4, jung[(s // 28) % 21], 0xA4, jong[s % 28]])
                assert seq.decode(py) == chr(0xAC00 + s)
                self.map[seq] = chr(0xAC00 + s)
            return
        raise AssertionError("unexpected multi-byte shape in %s: %r" % (py, dict(more2)))

    def classify(self):
        """Split self.map into canonical sequences (Python encodes the text back to them) and decode-only
        ones, and find Python's encode-only mappings (text Python encodes to bytes that do not decode
        back to it)."""
        py = self.py
        self.decode_only = set()
        self.unencodable = []
        for seq, u in self.map.items():
            try:
                e = u.encode(py)
            except UnicodeEncodeError:
                self.decode_only.add(seq)
                self.unencodable.append(seq)
                continue
            if e != seq:
                self.decode_only.add(seq)
                if self.map.get(e) != u:
                    self.unencodable.append(seq)
        canon = {}
        for seq, u in self.map.items():
            if seq not in self.decode_only:
                assert u not in canon, (py, u, seq, canon[u])
                canon[u] = seq
        self.encode_only = []
        for cp in range(0x110000):
            if 0xD800 <= cp < 0xE000:
                continue
            u = chr(cp)
            try:
                e = u.encode(py)
            except UnicodeEncodeError:
                assert u not in canon, (py, hex(cp))
                continue
            if canon.get(u) != e:
                assert u not in canon, (py, hex(cp), e, canon.get(u))
                self.encode_only.append((cp, e))

    def write(self, manifest_aliases):
        py = self.py
        L = []
        L.append("# moji multi-byte charset data for %s, derived from %s's codec %r by dump_python_codecs.py."
                 % (self.name, PYVER, py))
        L.append("# Format: see README.md in this folder. DO NOT EDIT by hand: re-run the script.")
        n4 = sum(1 for s in self.map if len(s) == 4 and self.gb4)
        L.append("# %d valid sequences (%d decode-only), %d encode-only mappings%s." % (
            len(self.map), len(self.decode_only), len(self.encode_only),
            ", %d of the sequences are four-byte" % n4 if self.gb4 else ""))
        if self.unencodable:
            L.append("# Python decodes %d sequence(s) to text it cannot encode back to the same text: %s" % (
                len(self.unencodable), " ".join(s.hex().upper() for s in sorted(self.unencodable)[:20])))
        L.append("charset %s" % py)
        L.append("aliases " + " ".join(python_aliases(py)))
        L.append("maxlen %d" % max(len(s) for s in self.map))
        for r in self.more_rules:
            L.append("more " + r)
        if self.makeup:
            for slot in ("cho", "jung", "jong"):
                vals = self.makeup[slot]
                L.append("makeup %s %s" % (slot, " ".join("%02X:%d" % (k, vals[k]) for k in sorted(vals))))
        # Rows: sequences that share every byte but the last, with consecutive last bytes.
        rows = collections.defaultdict(dict)
        for seq, u in self.map.items():
            if self.gb4 and len(seq) == 4:
                continue
            if self.makeup and len(seq) == 8:
                continue
            rows[seq[:-1]][seq[-1]] = (u, seq in self.decode_only)
        for prefix in sorted(rows, key=lambda p: (len(p), p)):
            row = rows[prefix]
            bs = sorted(row)
            toks = []  # (start byte, token text)
            i = 0
            while i < len(bs):
                b = bs[i]
                u, do = row[b]
                j = i
                if len(u) == 1:
                    while (j + 1 < len(bs) and bs[j + 1] == bs[j] + 1 and len(row[bs[j + 1]][0]) == 1
                           and ord(row[bs[j + 1]][0]) == ord(row[bs[j]][0]) + 1 and row[bs[j + 1]][1] == do):
                        j += 1
                t = ",".join("%04X" % ord(c) for c in u)
                if j > i:
                    t += "+%d" % (j - i)
                if do:
                    t += "!"
                toks.append((b, t, j))
                i = j + 1
            # Emit lines of at most 12 tokens, breaking at gaps.
            line = None
            nxt = None
            count = 0
            for b, t, j_idx in toks:
                if line is None or b != nxt or count >= 12:
                    if line is not None:
                        L.append(line)
                    line = "map %s %02X %s" % (prefix.hex().upper() or "-", b, t)
                    count = 1
                else:
                    line += " " + t
                    count += 1
                nxt = bs[j_idx] + 1
            if line is not None:
                L.append(line)
        if self.gb4:
            # Four-byte sequences, as linear runs over the GB18030 four-byte index.
            items = sorted((gb4_index(*s), ord(u), s in self.decode_only)
                           for s, u in self.map.items() if len(s) == 4)
            start = None
            for k, (idx, cp, do) in enumerate(items):
                if start is None:
                    start, scp, sdo, prev, pcp = idx, cp, do, idx, cp
                    continue
                if idx == prev + 1 and cp == pcp + 1 and do == sdo:
                    prev, pcp = idx, cp
                    continue
                L.append("range4 %s %s %04X%s" % (gb4_seq(start).hex().upper(), gb4_seq(prev).hex().upper(), scp,
                                                 "!" if sdo else ""))
                start, scp, sdo, prev, pcp = idx, cp, do, idx, cp
            L.append("range4 %s %s %04X%s" % (gb4_seq(start).hex().upper(), gb4_seq(prev).hex().upper(), scp,
                                             "!" if sdo else ""))
        for cp, e in self.encode_only:
            L.append("encodeonly %04X %s" % (cp, e.hex().upper()))
        with open(os.path.join(DATA, "mb-%s.txt" % self.name), "w", encoding="utf-8", newline="\n") as f:
            f.write("\n".join(L) + "\n")


# ---------------------------------------------------------------------------------------------- golden hashes

M64 = (1 << 64) - 1


class SplitMix:
    """splitmix64, mirrored in internal/codec/golden_test.go."""

    def __init__(self, seed):
        self.s = seed & M64

    def next(self):
        self.s = (self.s + 0x9E3779B97F4A7C15) & M64
        z = self.s
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
        return z ^ (z >> 31)


SPECIAL = [0xA4, 0xD4, 0x8F, 0x8E, 0x81, 0xA1, 0xFE, 0x80]


def random_input(rng):
    n = rng.next() % 17
    out = bytearray()
    for _ in range(n):
        r = rng.next()
        k = r % 8
        v = r >> 8
        if k == 0:
            out.append(v % 128)
        elif k <= 4:
            out.append(0x80 + v % 128)
        elif k == 5:
            out.append(0x30 + v % 10)
        elif k == 6:
            out.append(SPECIAL[v % len(SPECIAL)])
        else:
            out.append(v % 256)
    return bytes(out)


def put(h, s):
    b = s.encode("utf-8")
    h.update(struct.pack("<I", len(b)))
    h.update(b)


SUFFIXES = [b"", b"A", b"\x81", b"\x30\x81", b"\xa1\xa1", b"\x81\x30\x81\x30A", b"\xa4\xd4\xa4\xa1\xa4\xbf\xa4\xd4"]
GB4_LAST = [0x00, 0x2F, 0x30, 0x35, 0x39, 0x3A, 0x41, 0x80, 0x81, 0xFE, 0xFF]


def golden(name, py, kind):
    """Lines 'NAME PROBE ARG HASH' (HASH: the first 16 hex digits of a SHA-256)."""
    out = []

    def emit(probe_name, arg, h):
        out.append("%s %s %s %s" % (name, probe_name, arg, h.hexdigest()[:16]))

    # pairs: every two-byte input, followed by each suffix, decoded with errors='replace'.
    for b in range(256):
        h = hashlib.sha256()
        for b2 in range(256):
            for suf in SUFFIXES:
                put(h, (bytes([b, b2]) + suf).decode(py, "replace"))
        emit("pairs", "%02X" % b, h)
    if py == "gb18030":
        for b in range(0x80, 0x100):
            h = hashlib.sha256()
            for b2 in range(0x30, 0x3A):
                for b3 in range(256):
                    for b4 in GB4_LAST:
                        put(h, bytes([b, b2, b3, b4, 0x41]).decode(py, "replace"))
            emit("quad", "%02X" % b, h)
    if py == "euc_jp":
        h = hashlib.sha256()
        for b2 in range(256):
            for b3 in range(256):
                put(h, bytes([0x8F, b2, b3]).decode(py, "replace"))
                put(h, bytes([0x8F, b2, b3, 0x41]).decode(py, "replace"))
        emit("triple", "8F", h)
    if py == "euc_kr":
        for pos in (3, 5, 7):
            h = hashlib.sha256()
            for x in range(256):
                for y in (0xA1, 0xA4, 0xBF, 0xD4, 0xC0, 0x41):
                    seq = bytearray(b"\xa4\xd4\xa4\xa1\xa4\xbf\xa4\xd4")
                    seq[pos] = x
                    seq[pos - 1] = y
                    put(h, bytes(seq).decode(py, "replace"))
                    put(h, (bytes(seq) + b"A").decode(py, "replace"))
                    put(h, bytes(seq)[:-1].decode(py, "replace"))
            emit("makeup", "%d" % pos, h)
    # random: pseudo-random inputs biased to interesting bytes, errors='replace' and 'ignore'.
    rng = SplitMix(0x6D6F6A69)  # "moji"
    for chunk in range(8):
        hr = hashlib.sha256()
        hi = hashlib.sha256()
        for _ in range(1000):
            p = random_input(rng)
            put(hr, p.decode(py, "replace"))
            put(hi, p.decode(py, "ignore"))
        emit("random-replace", "%d" % chunk, hr)
        emit("random-ignore", "%d" % chunk, hi)
    # encode: every code point, Python's strict encoder (encode-only mappings included).
    for plane in range(17):
        h = hashlib.sha256()
        for cp in range(plane << 16, (plane + 1) << 16):
            if 0xD800 <= cp < 0xE000:
                continue
            try:
                e = chr(cp).encode(py)
            except UnicodeEncodeError:
                h.update(b"\xff")
                continue
            h.update(bytes([len(e)]) + e)
        emit("encode", "%d" % plane, h)
    return out


def main():
    manifest = read_manifest()
    only = set(sys.argv[1:])
    dump_singlebyte(manifest)
    gold = [
        "# Hashes of Python's codec behaviour (%s), written by internal/gen/codec/dump_python_codecs.py." % PYVER,
        "# golden_test.go recomputes each one with moji's codecs. Format: CHARSET PROBE ARG SHA256[:16].",
    ]
    for name, kind, py, extra in manifest:
        if kind != "mb":
            continue
        if only and name not in only:
            continue
        print("dumping", name, file=sys.stderr)
        mb = MB(name, py)
        mb.explore()
        mb.classify()
        mb.write(extra)
        gold += golden(name, py, kind)
    if not only:
        with open(GOLDEN, "w", encoding="utf-8", newline="\n") as f:
            f.write("\n".join(gold) + "\n")


if __name__ == "__main__":
    main()
