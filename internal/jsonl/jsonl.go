// Package jsonl rewrites string members of one-line JSON objects while
// keeping every other byte of the line exactly as it was.
//
// A decode/re-encode round trip through encoding/json is lossy for text
// corpora: it turns invalid bytes and lone surrogate escapes such as
// "\ud83d" into U+FFFD, rounds numbers like 12345678901234567890, reorders
// nothing but re-escapes "<" as "\u003c". [Rewrite] instead scans the line,
// decodes only the members it is asked for, and splices a new value in
// only when the value really changed.
package jsonl

import (
	"errors"
	"fmt"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// A SyntaxError reports a line that is not one well-formed JSON object.
type SyntaxError struct {
	Offset int    // byte offset in the line of the offending byte, from 0
	Msg    string // what was wrong, e.g. "invalid character 'x' after object key"
}

// Error reports the column (Offset+1, counted in bytes) and the message.
func (e *SyntaxError) Error() string {
	return "column " + strconv.Itoa(e.Offset+1) + ": " + e.Msg
}

// ErrMissingField is matched (with errors.Is) by a *FieldError for a
// requested member that the object does not have.
var ErrMissingField = errors.New("missing field")

// A FieldError reports a requested member that is missing or whose value
// is not a string.
type FieldError struct {
	Field string // the requested member name
	Kind  string // "" when missing, else the JSON kind found: "number", "object", ...
}

// Error says which field is missing or of the wrong kind.
func (e *FieldError) Error() string {
	if e.Kind == "" {
		return fmt.Sprintf("missing field %q", e.Field)
	}
	return fmt.Sprintf("field %q is %s, not a string", e.Field, e.Kind)
}

// Is makes errors.Is(err, ErrMissingField) true for a missing field.
func (e *FieldError) Is(target error) bool {
	return target == ErrMissingField && e.Kind == ""
}

// maxDepth bounds the nesting of skipped values, as encoding/json does,
// so that a hostile line cannot exhaust the stack.
const maxDepth = 10000

// Rewrite appends line to dst with the values of its top-level string
// members named in fields replaced by f(value). line must hold exactly
// one JSON object, optionally surrounded by JSON white space.
//
// f receives the decoded value. When f returns the value unchanged, the
// original bytes stay, escapes and all, so lone surrogate escapes and
// invalid bytes survive; only a changed value is re-encoded, with
// [AppendString]. A member named twice is rewritten twice.
//
// Every name in fields must be present with a string value; otherwise
// Rewrite returns a *FieldError. A malformed line gives a *SyntaxError. On
// error dst is returned with its original length. At most 64 fields may
// be named.
func Rewrite(dst, line []byte, fields []string, f func(string) string) ([]byte, error) {
	if len(fields) > 64 {
		return dst, errors.New("jsonl: more than 64 fields")
	}
	start := len(dst)
	s := scanner{line: line}
	var found uint64 // bit i: fields[i] seen
	var fieldErr *FieldError
	last := 0 // line[:last] is already in dst

	s.skipSpace()
	if !s.expect('{') {
		return dst[:start], s.err
	}
	s.skipSpace()
	if s.peek() == '}' {
		s.pos++
	} else {
		for {
			s.skipSpace()
			if s.peek() != '"' {
				return dst[:start], s.errAt("expected string for object key")
			}
			k0 := s.pos
			if !s.skipString() {
				return dst[:start], s.err
			}
			key := line[k0+1 : s.pos-1]
			s.skipSpace()
			if !s.expect(':') {
				return dst[:start], s.err
			}
			s.skipSpace()
			idx := fieldIndex(fields, key)
			v0 := s.pos
			if idx >= 0 {
				if s.peek() != '"' {
					// Finish checking the line first: a syntax
					// error is the more useful report.
					if kind := s.kind(); kind != "" && fieldErr == nil {
						fieldErr = &FieldError{Field: fields[idx], Kind: kind}
					}
					if !s.skipValue(1) {
						return dst[:start], s.err
					}
				} else if !s.skipString() {
					return dst[:start], s.err
				} else {
					found |= 1 << idx
					val := decode(line[v0+1 : s.pos-1])
					if out := f(val); out != val {
						dst = append(dst, line[last:v0]...)
						dst = AppendString(dst, out)
						last = s.pos
					}
				}
			} else if !s.skipValue(1) {
				return dst[:start], s.err
			}
			s.skipSpace()
			c := s.peek()
			if c == ',' {
				s.pos++
				continue
			}
			if c == '}' {
				s.pos++
				break
			}
			return dst[:start], s.errAt(badChar(c, "after object key:value pair"))
		}
	}
	s.skipSpace()
	if s.pos < len(line) {
		return dst[:start], s.errAt(badChar(line[s.pos], "after top-level value"))
	}
	if fieldErr != nil {
		return dst[:start], fieldErr
	}
	for i, name := range fields {
		if found&(1<<i) == 0 {
			return dst[:start], &FieldError{Field: name}
		}
	}
	return append(dst, line[last:]...), nil
}

// fieldIndex returns the index of the raw (still escaped) key in fields,
// or -1. Keys almost never hold escapes, so the raw bytes are compared
// first without allocating.
func fieldIndex(fields []string, key []byte) int {
	for i, f := range fields {
		if string(key) == f {
			return i
		}
	}
	for _, c := range key {
		if c == '\\' {
			k := decode(key)
			for i, f := range fields {
				if k == f {
					return i
				}
			}
			break
		}
	}
	return -1
}

type scanner struct {
	line []byte
	pos  int
	err  error
}

func (s *scanner) peek() byte {
	if s.pos < len(s.line) {
		return s.line[s.pos]
	}
	return 0
}

func (s *scanner) errAt(msg string) error {
	s.fail(msg)
	return s.err
}

func (s *scanner) fail(msg string) bool {
	s.err = &SyntaxError{Offset: s.pos, Msg: msg}
	return false
}

func (s *scanner) skipSpace() {
	for s.pos < len(s.line) {
		switch s.line[s.pos] {
		case ' ', '\t', '\n', '\r':
			s.pos++
		default:
			return
		}
	}
}

func (s *scanner) expect(c byte) bool {
	if s.pos >= len(s.line) {
		return s.fail(fmt.Sprintf("unexpected end of line, expected %q", c))
	}
	if s.line[s.pos] != c {
		return s.fail(badChar(s.line[s.pos], fmt.Sprintf("(expected %q)", c)))
	}
	s.pos++
	return true
}

// kind names the JSON kind of the value at s.pos, or "" if none starts there.
func (s *scanner) kind() string {
	switch c := s.peek(); {
	case c == '{':
		return "an object"
	case c == '[':
		return "an array"
	case c == 't' || c == 'f':
		return "a boolean"
	case c == 'n':
		return "null"
	case c == '-' || '0' <= c && c <= '9':
		return "a number"
	}
	return ""
}

func badChar(c byte, context string) string {
	if c == 0 {
		return "unexpected end of line " + context
	}
	if c < 0x20 || c >= 0x7f {
		return fmt.Sprintf("invalid byte 0x%02x %s", c, context)
	}
	return fmt.Sprintf("invalid character %q %s", c, context)
}

// skipString moves past the string starting at s.pos (which holds '"'),
// checking its escapes. Raw bytes >= 0x80 are not checked: invalid UTF-8
// passes through, so that nothing is lost.
func (s *scanner) skipString() bool {
	s.pos++ // opening quote
	for s.pos < len(s.line) {
		c := s.line[s.pos]
		switch {
		case c == '"':
			s.pos++
			return true
		case c == '\\':
			s.pos++
			switch s.peek() {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				s.pos++
			case 'u':
				s.pos++
				for i := 0; i < 4; i++ {
					if unhex(s.peek()) < 0 {
						return s.fail(badChar(s.peek(), "in \\u escape"))
					}
					s.pos++
				}
			default:
				return s.fail(badChar(s.peek(), "in string escape code"))
			}
		case c < 0x20:
			return s.fail(badChar(c, "in string literal"))
		default:
			s.pos++
		}
	}
	return s.fail("unexpected end of line in string literal")
}

// skipValue moves past one value of any kind.
func (s *scanner) skipValue(depth int) bool {
	if depth > maxDepth {
		return s.fail("exceeded max depth")
	}
	switch c := s.peek(); {
	case c == '"':
		return s.skipString()
	case c == '{':
		s.pos++
		s.skipSpace()
		if s.peek() == '}' {
			s.pos++
			return true
		}
		for {
			s.skipSpace()
			if s.peek() != '"' {
				return s.fail(badChar(s.peek(), "looking for beginning of object key string"))
			}
			if !s.skipString() {
				return false
			}
			s.skipSpace()
			if !s.expect(':') {
				return false
			}
			s.skipSpace()
			if !s.skipValue(depth + 1) {
				return false
			}
			s.skipSpace()
			switch s.peek() {
			case ',':
				s.pos++
			case '}':
				s.pos++
				return true
			default:
				return s.fail(badChar(s.peek(), "after object key:value pair"))
			}
		}
	case c == '[':
		s.pos++
		s.skipSpace()
		if s.peek() == ']' {
			s.pos++
			return true
		}
		for {
			s.skipSpace()
			if !s.skipValue(depth + 1) {
				return false
			}
			s.skipSpace()
			switch s.peek() {
			case ',':
				s.pos++
			case ']':
				s.pos++
				return true
			default:
				return s.fail(badChar(s.peek(), "after array element"))
			}
		}
	case c == 't':
		return s.literal("true")
	case c == 'f':
		return s.literal("false")
	case c == 'n':
		return s.literal("null")
	case c == '-' || '0' <= c && c <= '9':
		return s.skipNumber()
	}
	return s.fail(badChar(s.peek(), "looking for beginning of value"))
}

func (s *scanner) literal(word string) bool {
	for i := 0; i < len(word); i++ {
		if s.peek() != word[i] {
			return s.fail(badChar(s.peek(), "in literal "+word))
		}
		s.pos++
	}
	return true
}

// skipNumber checks the JSON number grammar:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (s *scanner) skipNumber() bool {
	if s.peek() == '-' {
		s.pos++
	}
	switch c := s.peek(); {
	case c == '0':
		s.pos++
	case '1' <= c && c <= '9':
		s.digits()
	default:
		return s.fail(badChar(c, "in numeric literal"))
	}
	if s.peek() == '.' {
		s.pos++
		if !isDigit(s.peek()) {
			return s.fail(badChar(s.peek(), "after decimal point in numeric literal"))
		}
		s.digits()
	}
	if c := s.peek(); c == 'e' || c == 'E' {
		s.pos++
		if c := s.peek(); c == '+' || c == '-' {
			s.pos++
		}
		if !isDigit(s.peek()) {
			return s.fail(badChar(s.peek(), "in exponent of numeric literal"))
		}
		s.digits()
	}
	return true
}

func (s *scanner) digits() {
	for isDigit(s.peek()) {
		s.pos++
	}
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func unhex(c byte) rune {
	switch {
	case '0' <= c && c <= '9':
		return rune(c - '0')
	case 'a' <= c && c <= 'f':
		return rune(c - 'a' + 10)
	case 'A' <= c && c <= 'F':
		return rune(c - 'A' + 10)
	}
	return -1
}

// decode returns the value of the raw string contents b (between the
// quotes), which skipString has already checked.
//
// A surrogate escape that is not part of a pair, such as the "\ud83d" of
// a truncated emoji, becomes its three-byte generalized UTF-8 form
// (ED A0 BD): Go strings have no other way to hold it, the repair's
// fix_surrogates step recognizes that form, and [AppendString] turns it
// back into the same escape.
func decode(b []byte) string {
	i := 0
	for i < len(b) && b[i] != '\\' {
		i++
	}
	if i == len(b) {
		return string(b)
	}
	out := make([]byte, i, len(b))
	copy(out, b[:i])
	for i < len(b) {
		c := b[i]
		if c != '\\' {
			out = append(out, c)
			i++
			continue
		}
		i++
		switch b[i] {
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r := hex4(b[i+1:])
			i += 4
			if utf16.IsSurrogate(r) {
				if r < 0xdc00 && i+6 < len(b) && b[i+1] == '\\' && b[i+2] == 'u' {
					if r2 := hex4(b[i+3:]); 0xdc00 <= r2 && r2 < 0xe000 {
						out = utf8.AppendRune(out, utf16.DecodeRune(r, r2))
						i += 6
						break
					}
				}
				out = append(out, 0xed, byte(0x80|(r>>6)&0x3f), byte(0x80|r&0x3f))
				break
			}
			out = utf8.AppendRune(out, r)
		default: // '"', '\\', '/'
			out = append(out, b[i])
		}
		i++
	}
	return string(out)
}

func hex4(b []byte) rune {
	return unhex(b[0])<<12 | unhex(b[1])<<8 | unhex(b[2])<<4 | unhex(b[3])
}

const hexDigits = "0123456789abcdef"

// AppendString appends s to dst as a JSON string, escaping as little as
// possible: '"', '\\' and the C0 controls (as \n, \t, ... or \u00XX).
// Everything else stays raw, non-ASCII included, and so do U+2028,
// U+2029 and U+0085, which a JSON parser must accept and which a text
// corpus may mean. A surrogate in generalized UTF-8 (ED A0–BF xx), the
// form [Rewrite] decodes a lone "\udXXX" escape to, is written as that
// escape again. Other invalid bytes are copied unchanged.
func AppendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c != 0xed {
			i++
			continue
		}
		if c == 0xed {
			if i+2 < len(s) && s[i+1] >= 0xa0 && s[i+1] <= 0xbf && s[i+2] >= 0x80 && s[i+2] <= 0xbf {
				r := rune(0xd000) | rune(s[i+1]&0x3f)<<6 | rune(s[i+2]&0x3f)
				dst = append(dst, s[last:i]...)
				dst = append(dst, '\\', 'u', 'd', hexDigits[r>>8&0xf], hexDigits[r>>4&0xf], hexDigits[r&0xf])
				i += 3
				last = i
				continue
			}
			i++
			continue
		}
		dst = append(dst, s[last:i]...)
		switch c {
		case '"', '\\':
			dst = append(dst, '\\', c)
		case '\n':
			dst = append(dst, '\\', 'n')
		case '\r':
			dst = append(dst, '\\', 'r')
		case '\t':
			dst = append(dst, '\\', 't')
		case '\b':
			dst = append(dst, '\\', 'b')
		case '\f':
			dst = append(dst, '\\', 'f')
		default:
			dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
		}
		i++
		last = i
	}
	dst = append(dst, s[last:]...)
	return append(dst, '"')
}
