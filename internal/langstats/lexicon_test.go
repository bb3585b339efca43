package langstats

import "testing"

// TestLexicon checks that the Russian lexicon holds inflected forms of
// hunspell's stems and not the strings a lost letter read wrong makes of
// them.
func TestLexicon(t *testing.T) {
	m := ByLang("ru")
	m.readWords()
	if m.lexicon == nil {
		t.Fatal("no Russian lexicon")
	}
	key := func(w string) []byte {
		var b []byte
		for _, r := range w {
			c := m.index(r)
			if c == 0 {
				t.Fatalf("%q: %q is not in the alphabet", w, r)
			}
			b = append(b, byte(c))
		}
		return b
	}
	// Reflexive forms, which unmunch never made (see derive_lexicon.py),
	// are forms too.
	for _, w := range []string{"памяти", "ядра", "эвристический", "вероятностную", "Японские", "ЗНАК",
		"является", "находится", "остановился", "учимся", "выполнялся"} {
		if !m.lexicon.has(key(w)) {
			t.Errorf("%q is not in the lexicon", w)
		}
	}
	// Lost letters read wrong; "эдерный" and "выполнсляя" were false
	// positives of a filter of 10 bits a form.
	for _, w := range []string{"памсти", "сдра", "свристический", "веростностную", "спонские", "ЗАНК",
		"остановиляя", "эдерный", "выполнсляя"} {
		if m.lexicon.has(key(w)) {
			t.Errorf("%q is in the lexicon", w)
		}
	}
	if ByLang("uk").readWords(); ByLang("uk").lexicon != nil {
		t.Error("a Ukrainian lexicon, which derive_lexicon.py does not make")
	}
}

// TestBestRussianForms checks that a short line of Russian forms is
// Russian, though its letter pairs take it for Bulgarian, and that
// Bulgarian and Ukrainian lines stay what they are.
func TestBestRussianForms(t *testing.T) {
	for _, c := range []struct{ text, lang string }{
		{"Пояснения к параметрам запуска", "ru"},
		{"Ограничения реализации протокола", "ru"},
		{"Сведения для разработчиков драйверов", "ru"},
		{"Грешка при свързване със сървъра.", "bg"},
		{"Тази функция е налична само за администратори.", "bg"},
		{"Не вдалося відкрити файл для читання.", "uk"},
	} {
		if m, _ := Best(c.text, "Cyrillic"); m == nil || m.Lang != c.lang {
			t.Errorf("Best(%q) = %v, want %s", c.text, m, c.lang)
		}
	}
}
