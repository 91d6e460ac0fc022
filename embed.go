// Package minhbach holds the default layouts and interface strings that the
// generator falls back to when a site does not override them.
package minhbach

import "embed"

// Defaults holds layouts/ (templates and asset sources), i18n/ (strings)
// and data/ (the agency registry and the programme's catalogue).
//
//go:embed layouts i18n data
var Defaults embed.FS
