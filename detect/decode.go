package detect

import (
	"errors"
	"unicode/utf8"

	"github.com/mojitext/moji/internal/codec"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// ErrBinary is returned by Decode for the "binary" encoding.
var ErrBinary = errors.New("detect: input is binary, not text")

// ErrUnknown is returned by Decode for an encoding it does not know.
var ErrUnknown = errors.New("detect: unknown encoding")

// Decode converts b, text in the named encoding (any name Bytes returns,
// or an alias of a legacy charset), to UTF-8. A byte order mark is removed.
// Invalid sequences become U+FFFD and are reported with ok=false; err is
// non-nil only for "binary" and unknown names.
func Decode(b []byte, encoding string) (s string, ok bool, err error) {
	switch encoding {
	case Binary:
		return "", false, ErrBinary
	case UTF8, ASCII, "utf8", "us-ascii":
		if enc, n := bom(b); enc == UTF8 {
			b = b[n:]
		}
		return string([]rune(string(b))), utf8.Valid(b), nil
	case UTF16, UTF32:
		enc, n := bom(b)
		if enc != encoding {
			f := unicodeForms[0]
			if encoding == UTF32 {
				f = unicodeForms[2]
			}
			return decodeForm(f, b)
		}
		f := unicodeForms[0]
		switch {
		case enc == UTF16 && b[0] == 0xFE:
			f = unicodeForms[1]
		case enc == UTF32 && b[0] == 0xFF:
			f = unicodeForms[2]
		case enc == UTF32:
			f = unicodeForms[3]
		}
		return decodeForm(f, b[n:])
	case ISO2022KR:
		out, ok := appendDecodeISO2022KR(nil, b)
		return string(out), ok, nil
	case ISO2022JP, HZ:
		dec := japanese.ISO2022JP.NewDecoder()
		if encoding == HZ {
			dec = simplifiedchinese.HZGB2312.NewDecoder()
		}
		out, err := dec.Bytes(b)
		if err != nil {
			return string(out), false, nil
		}
		return string(out), !containsFFFD(out), nil
	}
	for _, f := range unicodeForms {
		if f.name == encoding {
			if enc, n := bom(b); enc != "" && (enc == UTF16) == (f.width == 2) {
				b = b[n:]
			}
			return decodeForm(f, b)
		}
	}
	c, found := codec.ByName(encoding)
	if !found {
		return "", false, ErrUnknown
	}
	s, _ = codec.DecodeString(c, b, codec.ReplaceFFFD)
	_, ok = codec.DecodeString(c, b, codec.Strict)
	return s, ok, nil
}

func decodeForm(f unicodeForm, b []byte) (string, bool, error) {
	out := f.appendDecode(make([]byte, 0, len(b)*3/2), b)
	ok := len(b)%f.width == 0 && !containsFFFD(out)
	return string(out), ok, nil
}

func containsFFFD(p []byte) bool {
	for len(p) > 0 {
		r, n := utf8.DecodeRune(p)
		if r == utf8.RuneError {
			return true
		}
		p = p[n:]
	}
	return false
}
