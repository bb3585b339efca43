// Package cleanup holds the small, independent text fixes that surround
// mojibake repair: HTML entities, terminal escapes, ligatures, character
// width, quotes, line breaks, surrogates, control characters and Unicode
// normalization.
//
// Every function returns its argument unchanged (the same string, without
// allocating) when there is nothing to fix, so a pipeline can compare
// results cheaply.
package cleanup
