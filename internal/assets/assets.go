// Package assets bundles and minifies the stylesheet (and later scripts) of
// a site with esbuild and names each output by its content hash, so that a
// CDN can cache it forever.
package assets

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// Asset is one bundled file.
type Asset struct {
	Path     string // site path with the content hash, e.g. "/assets/site.3f2a9c1b7d.css"
	Contents []byte
}

// CSS bundles layouts/assets/site.css from fsys. resolveDir is where relative
// @import paths are looked up.
func CSS(fsys fs.FS, resolveDir string) (Asset, error) {
	src, err := fs.ReadFile(fsys, "layouts/assets/site.css")
	if err != nil {
		return Asset{}, fmt.Errorf("stylesheet: %w", err)
	}
	res := api.Build(api.BuildOptions{
		Stdin: &api.StdinOptions{
			Contents:   string(src),
			Loader:     api.LoaderCSS,
			ResolveDir: resolveDir,
			Sourcefile: "layouts/assets/site.css",
		},
		Bundle:            true,
		MinifyWhitespace:  true,
		MinifySyntax:      true,
		MinifyIdentifiers: true,
		Target:            api.ES2020,
		Engines:           browsers,
		Outfile:           "site.css",
		Write:             false,
		LogLevel:          api.LogLevelSilent,
	})
	out, err := output(res, "stylesheet")
	if err != nil {
		return Asset{}, err
	}
	return Asset{Path: "/assets/site." + hash(out) + ".css", Contents: out}, nil
}

// browsers are the oldest the site supports: those from 2021 on. Safari
// 14.1 is the first whose destructuring esbuild leaves as written.
var browsers = []api.Engine{
	{Name: api.EngineChrome, Version: "90"},
	{Name: api.EngineSafari, Version: "14.1"},
	{Name: api.EngineFirefox, Version: "90"},
}

// output returns the one file an esbuild run wrote, or its first error at
// file:line:col.
func output(res api.BuildResult, what string) ([]byte, error) {
	if len(res.Errors) > 0 {
		e := res.Errors[0]
		if e.Location != nil {
			return nil, fmt.Errorf("%s:%d:%d: %s", e.Location.File, e.Location.Line, e.Location.Column+1, e.Text)
		}
		return nil, fmt.Errorf("%s: %s", what, e.Text)
	}
	if len(res.OutputFiles) != 1 {
		return nil, fmt.Errorf("%s: esbuild wrote %d files, want 1", what, len(res.OutputFiles))
	}
	return res.OutputFiles[0].Contents, nil
}

func hash(b []byte) string {
	sum := sha256.Sum256(b)
	return strings.ToLower(hex.EncodeToString(sum[:5]))
}
