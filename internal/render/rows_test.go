package render

import (
	"testing"

	"github.com/minhbach/minhbach/internal/model"
)

// A row stays while its task has the same key, whether or not a build
// draws it, and goes when the task's key changes or the task is gone.
func TestRowCacheRetainsTheSiteTasks(t *testing.T) {
	c := newRowCache()
	a, b := &model.Task{ID: "a"}, &model.Task{ID: "b"}
	c.put(1, "<tr>a</tr>")
	c.put(2, "<tr>b</tr>")
	c.put(3, "<tr>c</tr>")
	c.retain(map[*model.Task]uint64{a: 1, b: 20})
	for key, want := range map[uint64]bool{1: true, 2: false, 3: false} {
		if _, ok := c.get(key); ok != want {
			t.Errorf("row %d kept: %v, want %v", key, ok, want)
		}
	}
	c.retain(map[*model.Task]uint64{a: 1})
	if _, ok := c.get(1); !ok {
		t.Error("a row not drawn in a build was dropped while its task is there")
	}
}
