package citation

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

func docHref(c Citation) string { return "/van-ban/" + c.ID + "/" }

// render parses src with md, links its citations and renders it to HTML.
func render(t *testing.T, md goldmark.Markdown, src string, href func(Citation) string) string {
	t.Helper()
	source := []byte(src)
	root := md.Parser().Parse(text.NewReader(source))
	Link(root, source, href)
	var b bytes.Buffer
	if err := md.Renderer().Render(&b, source, root); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(b.String())
}

func TestLink(t *testing.T) {
	cases := []struct{ name, md, want string }{
		{"plain sentence from a plan",
			"Thực hiện Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ.",
			`<p>Thực hiện Quyết định số <a href="/van-ban/06-qd-ttg/">06/QĐ-TTg</a> ngày 06/01/2022 của Thủ tướng Chính phủ.</p>`},
		{"two in one node, trailing punctuation outside",
			"tại Nghị định số 45/2020/NĐ-CP ngày 08/4/2020 và Nghị định 107/2021/NĐ-CP.",
			`<p>tại Nghị định số <a href="/van-ban/45-2020-nd-cp/">45/2020/NĐ-CP</a> ngày 08/4/2020 và Nghị định <a href="/van-ban/107-2021-nd-cp/">107/2021/NĐ-CP</a>.</p>`},
		{"number at the start and end of the paragraph",
			"06/QĐ-TTg và 1911/QĐ-TTg",
			`<p><a href="/van-ban/06-qd-ttg/">06/QĐ-TTg</a> và <a href="/van-ban/1911-qd-ttg/">1911/QĐ-TTg</a></p>`},
		{"soft line breaks kept",
			"theo Quyết định số 1911/QĐ-TTg\nngày 15/11/2021 và Công văn số\n969/VPCP-KSTT, ngày 15/02/2022",
			"<p>theo Quyết định số <a href=\"/van-ban/1911-qd-ttg/\">1911/QĐ-TTg</a>\nngày 15/11/2021 và Công văn số\n<a href=\"/van-ban/969-vpcp-kstt/\">969/VPCP-KSTT</a>, ngày 15/02/2022</p>"},
		{"spaced dash linked whole",
			"theo Quyết định số 1911/QĐ - TTg ngày 15/11/2021",
			`<p>theo Quyết định số <a href="/van-ban/1911-qd-ttg/">1911/QĐ - TTg</a> ngày 15/11/2021</p>`},
		{"heading is linked",
			"##### (1) Tổ chức triển khai Luật Căn cước số 26/2023/QH15 ngày 27/11/2023",
			`<h5>(1) Tổ chức triển khai Luật Căn cước số <a href="/van-ban/26-2023-qh15/">26/2023/QH15</a> ngày 27/11/2023</h5>`},
		{"inside emphasis",
			"**Kế hoạch số 80/KH-UBND** của tỉnh",
			`<p><strong>Kế hoạch số <a href="/van-ban/80-kh-ubnd/">80/KH-UBND</a></strong> của tỉnh</p>`},
		{"existing link untouched",
			"xem [Quyết định 06/QĐ-TTg](https://vanban.chinhphu.vn/) và 1911/QĐ-TTg",
			`<p>xem <a href="https://vanban.chinhphu.vn/">Quyết định 06/QĐ-TTg</a> và <a href="/van-ban/1911-qd-ttg/">1911/QĐ-TTg</a></p>`},
		{"autolink untouched",
			"<https://example.vn/06/QĐ-TTg>",
			`<p><a href="https://example.vn/06/Q%C4%90-TTg">https://example.vn/06/QĐ-TTg</a></p>`},
		{"code span untouched",
			"mã `06/QĐ-TTg` trong hệ thống",
			`<p>mã <code>06/QĐ-TTg</code> trong hệ thống</p>`},
		{"code block untouched",
			"```\nQuyết định số 06/QĐ-TTg\n```",
			"<pre><code>Quyết định số 06/QĐ-TTg\n</code></pre>"},
		{"image alt untouched",
			"![Quyết định 06/QĐ-TTg](qd.png)",
			`<p><img src="qd.png" alt="Quyết định 06/QĐ-TTg"></p>`},
		{"programme name and dates not linked",
			"triển khai Đề án 06/CP trong tháng 02/2024, ngày 23-9-2024.",
			`<p>triển khai Đề án 06/CP trong tháng 02/2024, ngày 23-9-2024.</p>`},
		{"escaped text is still escaped",
			"Công văn số 708/BTTTT-CATTT < \"x\" & 1552/BTTTT-THH",
			`<p>Công văn số <a href="/van-ban/708-btttt-cattt/">708/BTTTT-CATTT</a> &lt; &quot;x&quot; &amp; <a href="/van-ban/1552-btttt-thh/">1552/BTTTT-THH</a></p>`},
	}
	md := goldmark.New()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := render(t, md, tc.md, docHref); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// Kind is read across markup: the name before a number may be in another node.
func TestLinkKindAcrossNodes(t *testing.T) {
	source := []byte("*Quyết định* số 06/QĐ-TTg; Công văn số\n708/BTTTT-CATTT")
	root := goldmark.New().Parser().Parse(text.NewReader(source))
	var got []Citation
	Link(root, source, func(c Citation) string { got = append(got, c); return "" })
	if len(got) != 2 || got[0].Kind != "Quyết định" || got[1].Kind != "Công văn" {
		t.Fatalf("got %+v", got)
	}
	for _, c := range got {
		if string(source[c.Start:c.End]) != c.Number {
			t.Errorf("offsets %d:%d are not of %q in source", c.Start, c.End, c.Number)
		}
	}
}

// An empty href leaves the citation as text, and the tree unchanged.
func TestLinkEmptyHref(t *testing.T) {
	src := "Quyết định số 06/QĐ-TTg và Nghị định số 107/2021/NĐ-CP."
	got := render(t, goldmark.New(), src, func(c Citation) string {
		if c.Kind == "Nghị định" {
			return "/nd/"
		}
		return ""
	})
	want := `<p>Quyết định số 06/QĐ-TTg và Nghị định số <a href="/nd/">107/2021/NĐ-CP</a>.</p>`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// The site's dialect adds GFM tables: numbers in cells are linked.
func TestLinkTable(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(extension.Table))
	src := "| Văn bản | Ngày |\n|---|---|\n| Quyết định số 766/QĐ-TTg | 23/6/2022 |\n"
	got := render(t, md, src, docHref)
	if !strings.Contains(got, `<td>Quyết định số <a href="/van-ban/766-qd-ttg/">766/QĐ-TTg</a></td>`) ||
		!strings.Contains(got, "<td>23/6/2022</td>") {
		t.Errorf("got\n%s", got)
	}
}

// A whole published plan: every number found in the body gets a link, and
// linking never loses text.
func TestLinkSeeds(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough))
	for _, src := range seedTexts(t) {
		source := []byte(src)
		root := md.Parser().Parse(text.NewReader(source))
		before := plain(root, source)
		n := 0
		Link(root, source, func(Citation) string { n++; return "/x/" })
		if after := plain(root, source); after != before {
			t.Fatalf("text changed by Link:\n%s\n---\n%s", before, after)
		}
		links := 0
		_ = ast.Walk(root, func(node ast.Node, entering bool) (ast.WalkStatus, error) {
			if l, ok := node.(*ast.Link); entering && ok && string(l.Destination) == "/x/" {
				links++
			}
			return ast.WalkContinue, nil
		})
		if links != n {
			t.Errorf("%d hrefs asked, %d links made", n, links)
		}
	}
}

func TestLinkNil(t *testing.T) {
	Link(nil, nil, docHref)
	root := goldmark.New().Parser().Parse(text.NewReader([]byte("06/QĐ-TTg")))
	Link(root, []byte("06/QĐ-TTg"), nil)
	Link(root, nil, docHref) // source shorter than the tree says: no panic
}

func plain(n ast.Node, source []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*ast.Text); ok && entering {
			b.Write(t.Segment.Value(source))
			if t.SoftLineBreak() {
				b.WriteByte('\n')
			}
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}
