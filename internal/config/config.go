// Package config reads a site's config.toml.
package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/minhbach/minhbach/internal/content"
	"github.com/minhbach/minhbach/internal/diag"
)

// Config is what a site sets in config.toml. Every field has a default, so a
// site without the file still builds.
type Config struct {
	Title      string    `toml:"title"`       // the portal's name, shown in every page header
	BaseURL    string    `toml:"base_url"`    // e.g. "https://de-an-06.example.gov.vn/"; "/" for a site at the root
	AsOf       time.Time `toml:"as_of"`       // the date status is computed for; empty means today in Vietnam
	UnsafeHTML bool      `toml:"unsafe_html"` // let raw HTML in Markdown through (off: it is left out, but for <br>)
}

// Default returns the configuration used where config.toml is silent.
func Default() Config {
	return Config{Title: "Minh bạch Đề án 06", BaseURL: "/"}
}

// Load reads dir/config.toml; a missing file gives the defaults.
func Load(dir string) (Config, error) {
	cfg := Default()
	path := filepath.Join(dir, "config.toml")
	src, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return cfg, nil
	}
	if err != nil {
		return cfg, fmt.Errorf("reading config: %w", err)
	}
	// config.toml has no "+++" fences; reuse the front matter decoder for its
	// positioned errors by presenting the whole file as front matter.
	f := &content.File{Path: "config.toml", Front: string(src), FrontLine: 1}
	var diags diag.List
	f.Decode(&cfg, &diags)
	if err := diags.Err(); err != nil {
		return cfg, err
	}
	if cfg.BaseURL == "" {
		cfg.BaseURL = "/"
	}
	return cfg, nil
}
