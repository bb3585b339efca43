package cleanup

// Placeholders until the real fixes land; each returns s unchanged.

func UnescapeHTML(s string) string          { return s }
func RemoveTerminalEscapes(s string) string { return s }
func FixC1Controls(s string) string         { return s }
func FixLatinLigatures(s string) string     { return s }
func FixCharacterWidth(s string) string     { return s }
func UncurlQuotes(s string) string          { return s }
func FixLineBreaks(s string) string         { return s }
func FixSurrogates(s string) string         { return s }
func RemoveControlChars(s string) string    { return s }
func Normalize(s, form string) string       { return s }
