package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/minhbach/minhbach/internal/model"
)

// writeCatalogReview prints, item by item, the tasks the catalogue links
// to each item and how (by the item's keywords, or as the plan's front
// matter says), each at its file:line, so an editor can check every match.
func writeCatalogReview(w io.Writer, s *model.Site) {
	matched, tasks := 0, 0
	var none []string
	for _, it := range s.Catalog {
		if len(it.Tasks) == 0 {
			none = append(none, it.ID)
			continue
		}
		matched++
		tasks += len(it.Tasks)
		fmt.Fprintf(w, "\n%s — %s\n", it.ID, it.Name)
		for _, t := range it.Tasks {
			how := "từ khóa"
			if t.CatalogSet {
				how = "khai báo"
			}
			fmt.Fprintf(w, "  %s:%d:%d: %s %s (%s): %s\n", t.Pos.File, t.Pos.Line, max(t.Pos.Col, 1), t.Plan.Number, t.ID, how, oneLine(t.Title, 100))
		}
	}
	if len(none) > 0 {
		fmt.Fprintf(w, "\nChưa khớp nhiệm vụ nào: %s\n", strings.Join(none, ", "))
	}
	fmt.Fprintf(w, "\nDanh mục so sánh: %d/%d mục có nhiệm vụ, %d lượt khớp. Sửa từ khóa trong data/catalog.toml, hoặc ghi catalog = [\"…\"] (hay catalog = [] nếu không thuộc mục nào) trong [tasks.\"…\"] ở front matter của kế hoạch.\n", matched, len(s.Catalog), tasks)
}

func oneLine(s string, limit int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > limit {
		return string(r[:limit]) + "…"
	}
	return s
}
