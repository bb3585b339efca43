package repair_test

import (
	"fmt"
	"testing"

	"github.com/mojitext/moji/internal/codec"
	"github.com/mojitext/moji/internal/repair"
)

func TestScratch(t *testing.T) {
	sents := map[string]string{"fr": french, "de": german, "es": spanish, "pt": portuguese, "pl": polish, "cs": czech, "ru": russian, "el": greek, "lt": lithuanian, "en": english, "zh": chinese, "zht": chineseT, "ja": japanese, "ko": korean, "he": hebrew, "ar": arabic, "tr": turkish,
	"en2": "We’re sure the company’s manager didn’t know the shop’s owner wasn’t in town.",
	}
	for _, dec := range []string{"windows-1250", "windows-1253", "windows-1257", "gbk", "shift_jis", "big5", "euc-kr", "euc-jp", "cp932", "cp950", "cp949"} {
		cs, _ := codec.ByName(dec)
		for name, s := range sents {
			out, ok := codec.DecodeString(cs, []byte(s), codec.Strict)
			if ok {
				got, layers := repair.Repair(out, allOptions)
				fmt.Printf("%s %s OK %q -> ok=%v %s\n", dec, name, out, got == s, describe(layers))
			}
		}
	}
}
