package assets

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// siteNamespace is esbuild's name for files read from the site's fs.FS
// rather than from the disk.
const siteNamespace = "site"

// JS bundles layouts/assets/<entry> and the modules it imports into one
// minified script (an IIFE, for the browsers the stylesheet targets) named
// by its content hash: "search.js" gives "/assets/search.<hash>.js".
//
// Relative imports are read from fsys, not from the disk, so that a site
// may override one module by putting its own copy at the same path and a
// site with no layouts/assets/ folder bundles the generator's own. Bare
// imports (a package from node_modules) are resolved from resolveDir.
func JS(fsys fs.FS, entry, resolveDir string) (Asset, error) {
	name := path.Join("layouts/assets", entry)
	if !strings.HasPrefix(name, "layouts/assets/") || !strings.HasSuffix(name, ".js") {
		return Asset{}, fmt.Errorf("script %q: want a .js file under layouts/assets/", entry)
	}
	res := api.Build(api.BuildOptions{
		EntryPoints:       []string{name},
		Bundle:            true,
		Format:            api.FormatIIFE,
		MinifyWhitespace:  true,
		MinifySyntax:      true,
		MinifyIdentifiers: true,
		Target:            api.ES2020,
		Engines:           browsers,
		Outfile:           path.Base(name),
		Write:             false,
		LogLevel:          api.LogLevelSilent,
		Plugins:           []api.Plugin{sitePlugin(fsys, resolveDir)},
	})
	out, err := output(res, "script "+name)
	if err != nil {
		return Asset{}, err
	}
	stem := strings.TrimSuffix(path.Base(name), ".js")
	return Asset{Path: "/assets/" + stem + "." + hash(out) + ".js", Contents: out}, nil
}

// sitePlugin reads the entry and every relative import from fsys, keeping
// them inside layouts/assets/.
func sitePlugin(fsys fs.FS, resolveDir string) api.Plugin {
	return api.Plugin{
		Name: "minhbach-site",
		Setup: func(b api.PluginBuild) {
			b.OnResolve(api.OnResolveOptions{Filter: `.*`}, func(args api.OnResolveArgs) (api.OnResolveResult, error) {
				switch {
				case args.Kind == api.ResolveEntryPoint:
					// esbuild writes "./" before an entry it finds on the disk
					// too; fs.FS names have none.
					return api.OnResolveResult{Path: path.Clean(args.Path), Namespace: siteNamespace}, nil
				case args.Namespace == siteNamespace && (strings.HasPrefix(args.Path, "./") || strings.HasPrefix(args.Path, "../")):
					p := path.Join(path.Dir(args.Importer), args.Path)
					if !strings.HasPrefix(p, "layouts/assets/") {
						return api.OnResolveResult{}, fmt.Errorf("%s imports %s, outside layouts/assets/", args.Importer, args.Path)
					}
					return api.OnResolveResult{Path: p, Namespace: siteNamespace}, nil
				}
				return api.OnResolveResult{}, nil // esbuild's own resolution, from resolveDir
			})
			b.OnLoad(api.OnLoadOptions{Filter: `.*`, Namespace: siteNamespace}, func(args api.OnLoadArgs) (api.OnLoadResult, error) {
				src, err := fs.ReadFile(fsys, args.Path)
				if errors.Is(err, fs.ErrNotExist) {
					return api.OnLoadResult{}, fmt.Errorf("no file %s", args.Path)
				}
				if err != nil {
					return api.OnLoadResult{}, err
				}
				contents := string(src)
				return api.OnLoadResult{Contents: &contents, Loader: api.LoaderJS, ResolveDir: resolveDir}, nil
			})
		},
	}
}
