package repair_test

import (
	"testing"

	"github.com/mojitext/moji/internal/repair"
)

// TestThaiMarks: Thai writes vowels above and below its consonants as
// combining marks. Priced as rare marks, they made wrong readings of Thai
// UTF-8 read as ISO-8859-2 ("ระดูบการศผกชา") look likelier than the right
// one, which has more of them; priced as the Thai model's letters, the
// right one wins.
func TestThaiMarks(t *testing.T) {
	for _, correct := range []string{"ระดับการศึกษา", "ความชื่นบาน เมินเฉย", "หนอนกระสือ"} {
		_, d := damage(t, correct, u8("iso-8859-2"))
		in := "บทวเรศ ซ้อมค้าง " + d
		if got, layers := repair.Repair(in, allOptions); got != "บทวเรศ ซ้อมค้าง "+correct {
			t.Errorf("Repair(%q)\n  = %q %s\n want %q", in, got, describe(layers), "บทวเรศ ซ้อมค้าง "+correct)
		}
	}
}
