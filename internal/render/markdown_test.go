package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/content"
)

func TestPlanTextKeepsLineBreaksOnly(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string // in the HTML, in order
		never      []string
	}{
		{"line break in a table cell",
			"| STT | Chủ trì |\n|---|---|\n| 1 | Công an tỉnh<br>Sở Tư pháp |\n",
			[]string{"<td>Công an tỉnh<br>Sở Tư pháp</td>"}, nil},
		{"every spelling of br",
			"a<BR/>b<br />c\n",
			[]string{"a<br>b<br>c"}, nil},
		{"script and event handlers are left out",
			"x <script>alert(1)</script> <img src=x onerror=alert(1)> y\n",
			[]string{"x", "y"}, []string{"<script", "onerror", "<img", "raw HTML"}},
		{"a block of HTML and an editor's comment are left out",
			"<div onclick=\"alert(1)\">z</div>\n\n<!-- Nguồn: dòng 12 bị ngắt trang -->\n\nđoạn\n",
			[]string{"<p>đoạn</p>"}, []string{"<div", "onclick", "Nguồn", "<!--"}},
	}
	md := (&Renderer{}).newMarkdownRenderer(false)
	parser := content.NewParser()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := parser.Parse(&content.File{Path: "x.md", Body: []byte(tt.body)})
			var b bytes.Buffer
			if err := md.Render(&b, m.Source, m.Root); err != nil {
				t.Fatal(err)
			}
			got := b.String()
			at := 0
			for _, w := range tt.want {
				i := strings.Index(got[at:], w)
				if i < 0 {
					t.Fatalf("want %q after byte %d in\n%s", w, at, got)
				}
				at += i + len(w)
			}
			for _, n := range tt.never {
				if strings.Contains(got, n) {
					t.Errorf("%q in\n%s", n, got)
				}
			}
		})
	}
}
