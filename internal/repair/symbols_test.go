package repair_test

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/mojitext/moji/internal/codec"
	"github.com/mojitext/moji/internal/repair"
)

// TestLostSymbols checks how a byte lost inside a symbol comes back: as
// the symbol when something tells it apart from the others its lost byte
// could have made, and as U+FFFD when nothing does.
func TestLostSymbols(t *testing.T) {
	drop := lossy("windows-1252", codec.Drop)
	// As ftfy's sloppy windows-1252 decodes, and a cleaner turned NBSP
	// into a space.
	fffdNBSP := step{enc: "utf-8", dec: "windows-1252", loss: codec.ReplaceFFFD, post: nbspToSpace}
	dropNBSP := step{enc: "utf-8", dec: "windows-1252", loss: codec.Drop, post: nbspToSpace}
	tests := []struct {
		name, clean string
		st          step
		want        string // the repairs allowed, separated by "|"
	}{
		// 📝 (F0 9F 93 9D) loses 0x9D: 📁, 📍, 📏, 📐 and 📝 are all
		// emoji of one block, and nothing in the line chooses.
		{"emoji-undecided", "O regulamento 📝 está na página do concurso, leia com atenção.", drop,
			"O regulamento \uFFFD está na página do concurso, leia com atenção."},
		// ⚠️ is E2 9A A0 EF B8 8F: the 0xA0 became a space and 0x8F
		// U+FFFD. The warning sign is an emoji, the die face ⚁ (E2 9A
		// 81) that a dropped 0x81 would make is not. U+FE0F is what
		// follows a character that takes it, where the warning sign is
		// read first; where the last three bytes are read alone, ︐ ︑ ︒
		// and the other vertical forms they could make are priced
		// alike, and U+FE0F was one of them: U+FFFD, not the first.
		{"warning-sign", "Atenção ⚠️ as inscrições terminam às 16h.", fffdNBSP,
			"Atenção ⚠\uFFFD as inscrições terminam às 16h.|Atenção ⚠️ as inscrições terminam às 16h."},
		// Dropped rather than marked, the byte leaves "ï¸" as it stands
		// (a miss, not the guess ︐ it was).
		{"warning-sign-dropped", "Atenção ⚠️ as inscrições terminam às 16h.", dropNBSP,
			"Atenção ⚠️ as inscrições terminam às 16h.|Atenção ⚠ ï¸ as inscrições terminam às 16h."},
		// ₁ (E2 82 81) loses 0x81 between subscript digits: ₍ (E2 82
		// 8D) and ₐ (E2 82 90) are no digits.
		{"subscript-digit", "La fórmula del ácido es C₆H₁₄O₂ según el químico.", drop,
			"La fórmula del ácido es C₆H₁₄O₂ según el químico."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, damaged := damage(t, tt.clean, tt.st)
			if got, _ := repair.Repair(damaged, allOptions); !slices.Contains(strings.Split(tt.want, "|"), got) {
				t.Errorf("Repair(%q)\n got %q\nwant %q", damaged, got, tt.want)
			}
		})
	}
}

// TestMarkedLossUndecided checks a marked loss that nothing decides: ’
// read twice through windows-1252 with its undefined bytes marked '?'
// (ftfy's test case "For goodness' sake"). The first layer's lost byte
// is Á, Í, Ï or Ý in no word of any language; a guessed letter was read
// by the next layer as more mojibake, and the line came out as Hangul.
func TestMarkedLossUndecided(t *testing.T) {
	in := "ItÃ?Â¢â?¬â?¢s classic. ItÃ?Â¢â?¬â?¢s epic. ItÃ?Â¢â?¬â?¢s ELIZABETH BENNET for goodnessÃ?Â¢â?¬â?¢ sake!"
	got, _ := repair.Repair(in, allOptions)
	for _, r := range got {
		if unicode.In(r, unicode.Hangul, unicode.Han) {
			t.Fatalf("Repair(%q) = %q: %q is in no script of the text", in, got, r)
		}
	}
	if !strings.Contains(got, "\uFFFD") {
		t.Errorf("Repair(%q) = %q: the lost characters are not marked", in, got)
	}
}
