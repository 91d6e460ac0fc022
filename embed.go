// Package minhbach holds the default layouts and interface strings that the
// generator falls back to when a site does not override them.
package minhbach

import "embed"

// Defaults holds layouts/ (templates and asset sources) and i18n/ (strings).
//
//go:embed layouts i18n
var Defaults embed.FS
