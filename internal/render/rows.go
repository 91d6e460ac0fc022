package render

import (
	"bytes"
	"fmt"
	"html/template"
	"sync"
)

// dueRow draws one task of a due-table (base.html's "due-row"). A task is
// listed on many pages (its agencies', its kind's, its localities' due
// pages, its catalogue item's), and a rebuild after one task's edit draws
// again the pages that list it, hundreds of rows each, all but one as they
// were: with Options.KeepRows, a row is kept by the key of what lists show
// of its task (ListedTaskKey, which its status follows) and drawn once.
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
	var b bytes.Buffer
	if r.rowFast != nil && r.rowFast.Execute(&b, "due-row", item) == nil {
		r.rowsFast.Add(1)
	} else {
		b.Reset()
		if err := r.rowLayout.ExecuteTemplate(&b, "due-row", item); err != nil {
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

// rowCache holds rows by key between builds. A row not drawn during a
// whole build is dropped at the end of the next, so that the cache holds
// the rows of the pages serve draws again, not every row ever drawn.
type rowCache struct {
	mu         sync.Mutex
	prev, next map[uint64]template.HTML
}

func newRowCache() *rowCache {
	return &rowCache{prev: map[uint64]template.HTML{}, next: map[uint64]template.HTML{}}
}

func (c *rowCache) get(key uint64) (template.HTML, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if html, ok := c.next[key]; ok {
		return html, true
	}
	html, ok := c.prev[key]
	if ok {
		c.next[key] = html
	}
	return html, ok
}

func (c *rowCache) put(key uint64, html template.HTML) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.next[key] = html
}

// turn starts a build: what the last build did not draw is dropped.
func (c *rowCache) turn() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.prev, c.next = c.next, make(map[uint64]template.HTML, len(c.next))
}
