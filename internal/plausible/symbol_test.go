package plausible

import "testing"

func TestEmojiTables(t *testing.T) {
	tests := []struct {
		r            rune
		emoji, style bool
	}{
		{'⚠', true, true},
		{'❤', true, true},
		{'📝', true, false},
		{'😀', true, false},
		{'⚁', false, false},
		{'★', false, false},
		{'©', true, true},
		{'#', false, false}, // a keycap base, not an emoji on its own
		{'a', false, false},
	}
	for _, tt := range tests {
		if got := IsEmoji(tt.r); got != tt.emoji {
			t.Errorf("IsEmoji(%q) = %v", tt.r, got)
		}
		if got := TakesEmojiStyle(tt.r); got != tt.style {
			t.Errorf("TakesEmojiStyle(%q) = %v", tt.r, got)
		}
	}
}

// TestSymbolContext checks what tells apart the symbols a lost byte
// leaves: emoji against other pictographs, a neighbour of the same kind,
// and U+FE0F after a character that takes it.
func TestSymbolContext(t *testing.T) {
	tests := []struct {
		name                string
		before, after       rune
		likelier, otherwise rune
	}{
		{"emoji-over-die-face", ' ', 'A', '⚠', '⚁'},
		{"subscript-digit-beside-digit", 'H', '₄', '₁', '₍'},
		{"subscript-digit-beside-digit-letter", 'H', '₄', '₁', 'ₐ'},
		{"superscript-beside-superscript", 'x', '⁴', '⁵', '⁽'},
		{"vs16-after-warning-sign", '⚠', ' ', '\uFE0F', '︐'},
	}
	for _, tt := range tests {
		a, b := LostCost(tt.before, tt.likelier, tt.after), LostCost(tt.before, tt.otherwise, tt.after)
		if a >= b {
			t.Errorf("%s: LostCost(%q) = %.1f, not below LostCost(%q) = %.1f", tt.name, tt.likelier, a, tt.otherwise, b)
		}
	}
	// Nothing tells apart two emoji of one block, and U+FE0F elsewhere
	// is the stray mark it always was.
	if a, b := LostCost(' ', '📁', ' '), LostCost(' ', '📝', ' '); a != b {
		t.Errorf("📁 and 📝 priced %.1f and %.1f", a, b)
	}
	if got := symbolContext('a', '\uFE0F', ' '); got != 0 {
		t.Errorf("U+FE0F after a letter: symbolContext = %.1f, want 0", got)
	}
	for _, r := range "aé—’" {
		if got := symbolContext(' ', r, ' '); got != 0 {
			t.Errorf("symbolContext(%q) = %.1f, want 0 for a letter or modelled mark", r, got)
		}
	}
	for r, want := range map[rune]bool{'📁': true, '₁': true, '︐': true, '─': true, 'é': false, '’': false, '中': false} {
		if got := Unranked(r); got != want {
			t.Errorf("Unranked(%q) = %v, want %v", r, got, want)
		}
	}
}
