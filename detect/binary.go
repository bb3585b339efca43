package detect

import "bytes"

// magics are the signatures of common binary formats. A file that starts
// with one is not text whatever its bytes would decode to: compressed and
// image data is close to random, and random bytes decode "validly" in every
// single-byte charset.
var magics = [][]byte{
	[]byte("\x89PNG\r\n\x1a\n"),
	{0xFF, 0xD8, 0xFF},             // JPEG
	[]byte("GIF87a"),               // GIF
	[]byte("GIF89a"),               //
	[]byte("%PDF-"),                // PDF
	[]byte("PK\x03\x04"),           // ZIP, and the formats built on it (xlsx, docx, jar, epub)
	[]byte("PK\x05\x06"),           // empty ZIP
	{0x1F, 0x8B},                   // gzip
	[]byte("BZh"),                  // bzip2: followed by a digit, checked below
	{0xFD, '7', 'z', 'X', 'Z', 0},  // xz
	[]byte("7z\xBC\xAF\x27\x1C"),   // 7-Zip
	{0x28, 0xB5, 0x2F, 0xFD},       // zstd
	[]byte("\x7fELF"),              // ELF
	[]byte("MZ"),                   // DOS/Windows executable: with a NUL soon after, checked below
	{0xCF, 0xFA, 0xED, 0xFE},       // Mach-O
	{0xCA, 0xFE, 0xBA, 0xBE},       // Mach-O fat binary, Java class
	[]byte("\x00asm"),              // WebAssembly
	[]byte("OggS"),                 // Ogg
	[]byte("fLaC"),                 // FLAC
	[]byte("ID3"),                  // MP3 with a tag
	[]byte("\x1aE\xdf\xa3"),        // Matroska, WebM
	[]byte("SQLite format 3\x00"),  // SQLite
	{0xD0, 0xCF, 0x11, 0xE0},       // OLE2 (doc, xls, msi)
	[]byte("Rar!\x1a\x07"),         // RAR
	[]byte("II*\x00"),              // TIFF
	[]byte("MM\x00*"),              // TIFF
	[]byte("wOFF"),                 // WOFF
	[]byte("wOF2"),                 // WOFF2
	{0x00, 0x01, 0x00, 0x00, 0x00}, // TrueType
}

// isBinaryMagic reports whether b starts with the signature of a binary
// format.
func isBinaryMagic(b []byte) bool {
	for _, m := range magics {
		if !bytes.HasPrefix(b, m) {
			continue
		}
		switch m[0] {
		case 'B': // "BZh" is also the start of words
			return len(b) > 3 && '1' <= b[3] && b[3] <= '9'
		case 'M':
			if len(m) == 2 { // "MZ" starts words too; an executable has NULs in its header
				return bytes.IndexByte(b[:min(len(b), 64)], 0) >= 0
			}
		case 'I': // "II*\x00" is unlikely text, but keep the check symmetric with "MM"
		}
		return true
	}
	// RIFF containers (WebP, WAV, AVI) and ISO media (MP4, MOV, HEIC): the
	// signature is at an offset.
	if len(b) >= 12 && bytes.HasPrefix(b, []byte("RIFF")) {
		return true
	}
	if len(b) >= 12 && string(b[4:8]) == "ftyp" {
		return true
	}
	return false
}
