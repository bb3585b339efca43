package server

import (
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"io/fs"
	"net/http"
	"strings"
)

// web holds the playground page and its example texts. The page carries
// its CSS and JavaScript inline and loads nothing else, so it works
// offline.
//
//go:embed web/index.html web/examples
var web embed.FS

//go:embed openapi.json
var openAPI []byte

var (
	page = mustRead("web/index.html")
	// pageCSP allows the page's own inline script and style, found by
	// hash, and nothing from elsewhere: text pasted into the playground
	// can never run as code, even if a bug let it into the DOM as markup.
	pageCSP = "default-src 'none'; connect-src 'self'; img-src 'self' data:; form-action 'none'; base-uri 'none'; frame-ancestors 'none'; " +
		"script-src " + inlineHash(page, "script") + "; style-src " + inlineHash(page, "style")
)

func mustRead(name string) []byte {
	b, err := fs.ReadFile(web, name)
	if err != nil {
		panic(err)
	}
	return b
}

// inlineHash returns the CSP source 'sha256-...' of the content of the
// first <tag> element of the page.
func inlineHash(page []byte, tag string) string {
	s := string(page)
	open := strings.Index(s, "<"+tag+">")
	end := strings.Index(s, "</"+tag+">")
	if open < 0 || end < open {
		panic("server: page has no <" + tag + "> element")
	}
	sum := sha256.Sum256([]byte(s[open+len(tag)+2 : end]))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

func servePage(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", pageCSP)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	w.Write(page)
}

func serveExample(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	b, err := fs.ReadFile(web, "web/examples/"+name)
	if err != nil || strings.ContainsAny(name, `/\`) {
		writeError(w, http.StatusNotFound, "no such example: "+name)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/plain; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	w.Write(b)
}

func serveOpenAPI(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	w.Write(openAPI)
}
