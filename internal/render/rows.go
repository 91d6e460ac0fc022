package render

import (
	"bytes"
	"fmt"
	"html/template"
	"sync"

	"github.com/minhbach/minhbach/internal/model"
)

// dueRow draws one task of a due-table (base.html's "due-row"). A task is
// listed on many pages (its agencies', its kind's, its localities' due
// pages, its catalogue item's), and a rebuild after one task's edit draws
// again the pages that list it, hundreds of rows each, all but one as they
// were: with Options.KeepRows, a row is kept by the key of what lists show
// of its task (ListedTaskKey, which its status follows) and drawn again
// only when that changes.
func (r *Renderer) dueRow(item DueItem) (template.HTML, error) {
	var key uint64
	if r.rows != nil {
		key = r.keys.tasks[item.Task]
		if html, ok := r.rows.get(key); ok && key != 0 {
			return html, nil
		}
	}
	if r.rowLayout == nil {
		return "", fmt.Errorf(`layouts: base.html has no "due-row", which its "due-table" draws`)
	}
	b := rowPool.Get().(*bytes.Buffer)
	defer rowPool.Put(b)
	b.Reset()
	if r.rowFast != nil && r.rowFast.Execute(b, "due-row", item) == nil {
		r.rowsFast.Add(1)
	} else {
		b.Reset()
		if err := r.rowLayout.ExecuteTemplate(b, "due-row", item); err != nil {
			return "", err
		}
		r.rowsSlow.Add(1)
	}
	html := template.HTML(b.String())
	if r.rows != nil && key != 0 {
		r.rows.put(key, html)
	}
	return html, nil
}

// rowPool holds the buffers rows are drawn into: a national site draws
// close to a million.
var rowPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// rowCache holds rows by key between builds: the rows of the tasks the
// site has, whichever pages drew them, for an edit may next draw any page
// again.
type rowCache struct {
	mu   sync.Mutex
	rows map[uint64]template.HTML
}

func newRowCache() *rowCache { return &rowCache{rows: map[uint64]template.HTML{}} }

func (c *rowCache) get(key uint64) (template.HTML, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	html, ok := c.rows[key]
	return html, ok
}

func (c *rowCache) put(key uint64, html template.HTML) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.rows[key] = html
}

// retain starts a build whose tasks have keys: the rows of tasks no longer
// there, or changed, are dropped.
func (c *rowCache) retain(keys map[*model.Task]uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	kept := make(map[uint64]template.HTML, len(keys))
	for _, k := range keys {
		if html, ok := c.rows[k]; ok {
			kept[k] = html
		}
	}
	c.rows = kept
}
