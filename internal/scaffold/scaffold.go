// Package scaffold writes new content files from templates in which every
// field is explained, so that an editor starts from a correct file rather
// than a blank page. It never invents a value: what only the document can
// say (an issue date, a title) is left for the editor, and the build says
// so until it is filled in.
package scaffold

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"text/template"

	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/vnfold"
)

//go:embed templates
var templates embed.FS

// Locality describes a new locality.
type Locality struct {
	Path  string // under content/dia-phuong, e.g. "hung-yen/van-lam/lac-hong"
	Name  string // "Xã Lạc Hồng"
	Level model.Level
}

// Plan describes a new plan.
type Plan struct {
	Locality string // the locality's path
	Number   string // "12/KH-UBND"
	Issued   model.Date
}

// Update describes a new update.
type Update struct {
	Locality string
	Date     model.Date // optional: names the file; the front matter date is left to the editor unless set
	Slug     string     // optional file name without .md
}

// NewLocality writes content/dia-phuong/<path>/_index.md under source and
// returns the file's path.
func NewLocality(source string, l Locality) (string, error) {
	if err := checkPath(l.Path); err != nil {
		return "", err
	}
	if strings.TrimSpace(l.Name) == "" {
		return "", errors.New(`the locality needs its name: write it in quotes, e.g. "Xã Lạc Hồng"`)
	}
	switch l.Level {
	case model.Province, model.District, model.Commune:
	default:
		return "", fmt.Errorf("--level %q is not a level: write --level tinh, --level huyen or --level xa", l.Level)
	}
	if parent := path.Dir(l.Path); parent != "." {
		if _, err := os.Stat(localityFile(source, parent)); err != nil {
			return "", fmt.Errorf("the parent locality %s does not exist yet: create it first with minhbach new locality %s \"<name>\" --level …", parent, parent)
		}
	}
	return write(localityFile(source, l.Path), "locality.md", l)
}

// NewPlan writes a plan file into an existing locality and returns its path.
func NewPlan(source string, p Plan) (string, error) {
	if err := existingLocality(source, p.Locality); err != nil {
		return "", err
	}
	if !model.IsDocumentNumber(p.Number) {
		return "", fmt.Errorf("--number %q does not look like a document number: write it as printed, e.g. --number 12/KH-UBND", p.Number)
	}
	name := "ke-hoach-" + vnfold.Slug(p.Number)
	if !p.Issued.IsZero() {
		name += fmt.Sprintf("-%d", p.Issued.Year)
	}
	return write(filepath.Join(source, "content", "dia-phuong", filepath.FromSlash(p.Locality), name+".md"), "plan.md", p)
}

// NewUpdate writes an update file into an existing locality and returns its path.
func NewUpdate(source string, u Update) (string, error) {
	if err := existingLocality(source, u.Locality); err != nil {
		return "", err
	}
	slug := u.Slug
	if slug == "" {
		slug = "cap-nhat"
		if !u.Date.IsZero() {
			slug += "-" + u.Date.ISO()
		}
	}
	if vnfold.Slug(slug) != slug {
		return "", fmt.Errorf("--slug %q is not a URL slug: use %q", slug, vnfold.Slug(slug))
	}
	return write(filepath.Join(source, "content", "dia-phuong", filepath.FromSlash(u.Locality), slug+".md"), "update.md", u)
}

func localityFile(source, p string) string {
	return filepath.Join(source, "content", "dia-phuong", filepath.FromSlash(p), "_index.md")
}

func checkPath(p string) error {
	if p == "" || strings.HasPrefix(p, "/") || strings.HasSuffix(p, "/") {
		return fmt.Errorf("locality path %q: write the folders under content/dia-phuong joined by /, e.g. hung-yen/van-lam/lac-hong", p)
	}
	for _, seg := range strings.Split(p, "/") {
		if vnfold.Slug(seg) != seg {
			return fmt.Errorf("locality path %q: %q is not a URL slug: use %q (lowercase, no diacritics, words joined by -)", p, seg, vnfold.Slug(seg))
		}
	}
	return nil
}

func existingLocality(source, p string) error {
	if err := checkPath(p); err != nil {
		return err
	}
	if _, err := os.Stat(localityFile(source, p)); err != nil {
		return fmt.Errorf("there is no locality %s (no content/dia-phuong/%s/_index.md): create it first with minhbach new locality %s \"<name>\" --level …", p, p, p)
	}
	return nil
}

// write fills the template and creates the file, refusing to replace one
// that exists: an editor's work is never overwritten.
func write(file, tmpl string, data any) (string, error) {
	t, err := template.ParseFS(templates, path.Join("templates", tmpl))
	if err != nil {
		return "", err
	}
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		return "", err
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return "", err
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return "", fmt.Errorf("%s already exists: edit it, or choose another name (nothing was written)", file)
	}
	if err != nil {
		return "", err
	}
	if _, err := f.Write(b.Bytes()); err != nil {
		f.Close()
		return "", err
	}
	return file, f.Close()
}
