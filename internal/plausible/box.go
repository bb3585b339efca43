package plausible

//go:generate go run ../gen/boxarms/main.go

// boxesJoin reports whether the box-drawing or block characters a and b,
// side by side, a first, look like line art: their arms meet (├ then ─,
// ═ then ╗: a's arm to the right and b's to the left of the same weight)
// or neither reaches the other (│ and │, ░ and ▒). Line art is drawn so;
// UTF-8 read through cp437 is not: "ú" (C3 BA) reads "├║", whose right
// arm meets no arm of ║, and "ð" (C3 B0) "├░", a shade beside a
// junction. Block elements and geometric shapes have no arms.
func boxesJoin(a, b rune) bool {
	if a == b {
		return true
	}
	return boxArm(a, 2) == boxArm(b, 0)
}

// boxArm returns the weight of r's arm at bit shift dir (0 left, 2 right):
// 0 for none or for a character outside U+2500–U+257F.
func boxArm(r rune, dir uint) uint8 {
	if r < 0x2500 || r >= 0x2580 {
		return 0
	}
	return boxArms[r-0x2500] >> dir & 3
}
