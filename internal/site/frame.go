package site

import (
	"encoding/binary"
	"errors"
	"hash/crc64"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/minhbach/minhbach/internal/model"
)

var frameTable = crc64.MakeTable(crc64.ECMA)

// frameSum hashes what every page is drawn with besides the content: the
// site's config.toml, layouts, strings and data files, the date statuses
// are computed for and the base URL. A rebuild keeps a page it drew before
// (render.Page.Key) only when this is as it was. The generator's own
// defaults cannot change while it runs.
func frameSum(source string, asOf model.Date, baseURL string) (uint64, error) {
	var s uint64
	add := func(b []byte) {
		var n [8]byte
		binary.LittleEndian.PutUint64(n[:], uint64(len(b)))
		s = crc64.Update(s, frameTable, n[:])
		s = crc64.Update(s, frameTable, b)
	}
	add([]byte(asOf.ISO()))
	add([]byte(baseURL))
	config, err := os.ReadFile(filepath.Join(source, "config.toml"))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return 0, err
	}
	add(config)
	for _, dir := range []string{"layouts", "i18n", "data"} {
		root := filepath.Join(source, dir)
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == root && errors.Is(err, fs.ErrNotExist) {
					return nil
				}
				return err
			}
			add([]byte(p))
			if d.IsDir() {
				return nil
			}
			data, err := os.ReadFile(p)
			add(data)
			return err
		})
		if err != nil {
			return 0, err
		}
	}
	return s, nil
}
