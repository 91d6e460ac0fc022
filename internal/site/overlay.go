package site

import (
	"errors"
	"io/fs"
	"os"

	minhbach "github.com/minhbach/minhbach"
)

// overlay reads a file from the site's own folder when it has one, and from
// the generator's defaults otherwise: a site overrides a layout, a string
// file or the stylesheet by putting its own copy at the same path.
type overlay struct {
	site, defaults fs.FS
}

func (o overlay) Open(name string) (fs.File, error) {
	f, err := o.site.Open(name)
	if err == nil {
		return f, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	return o.defaults.Open(name)
}

// siteFS is the site's folder over the generator's defaults.
func siteFS(source string) fs.FS {
	return overlay{site: os.DirFS(source), defaults: minhbach.Defaults}
}
