package chart

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var urlRef = regexp.MustCompile(`url\(([^)]*)\)`)

// checkSVG checks what every chart must be, whatever its input: well-formed
// XML; an image named by its own <title> and <desc>; nothing a strict
// Content-Security-Policy would block or that fetches anything; unique ids
// under the chart's prefix; text no smaller than 12px; and a natural size
// that matches the viewBox. It returns the parsed root.
func checkSVG(t *testing.T, s, id string) *node {
	t.Helper()
	root := parseSVG(t, s)
	if root.name != "svg" {
		t.Fatalf("root is <%s>, want <svg>", root.name)
	}
	if got := root.attrs["role"]; got != "img" {
		t.Errorf("role = %q, want img", got)
	}
	if got, want := root.attrs["aria-labelledby"], id+"-title "+id+"-desc"; got != want {
		t.Errorf("aria-labelledby = %q, want %q", got, want)
	}
	if len(root.children) < 2 ||
		root.children[0].name != "title" || root.children[0].attrs["id"] != id+"-title" ||
		root.children[1].name != "desc" || root.children[1].attrs["id"] != id+"-desc" {
		t.Errorf("the first children are not <title id=%s-title> and <desc id=%s-desc>", id, id)
	}
	w, errW := strconv.ParseFloat(root.attrs["width"], 64)
	h, errH := strconv.ParseFloat(root.attrs["height"], 64)
	if errW != nil || errH != nil || w <= 0 || h <= 0 || w != float64(int(w)) || h != float64(int(h)) {
		t.Errorf("width, height = %q, %q: want whole positive px", root.attrs["width"], root.attrs["height"])
	}
	if got, want := root.attrs["viewBox"], "0 0 "+root.attrs["width"]+" "+root.attrs["height"]; got != want {
		t.Errorf("viewBox = %q, want %q", got, want)
	}

	ids := map[string]bool{}
	for _, n := range root.all() {
		switch n.name {
		case "style", "script", "foreignObject", "image", "a", "use", "iframe":
			t.Errorf("<%s> element in a chart", n.name)
		}
		for k, v := range n.attrs {
			switch {
			case k == "style":
				t.Errorf("style attribute on <%s>", n.name)
			case strings.HasPrefix(k, "on"):
				t.Errorf("event handler %s on <%s>", k, n.name)
			case strings.HasSuffix(k, "href"), k == "src":
				t.Errorf("reference %s=%q on <%s>", k, v, n.name)
			case k == "font-size":
				if f, err := strconv.ParseFloat(v, 64); err != nil || f < 12 {
					t.Errorf("font-size %q on <%s>", v, n.name)
				}
			}
		}
		if v, ok := n.attrs["id"]; ok {
			if ids[v] {
				t.Errorf("id %q used twice", v)
			}
			ids[v] = true
			if !strings.HasPrefix(v, id+"-") {
				t.Errorf("id %q lacks the chart's prefix %q", v, id+"-")
			}
		}
	}
	for _, n := range root.all() {
		for k, v := range n.attrs {
			for _, m := range urlRef.FindAllStringSubmatch(v, -1) {
				if ref, ok := strings.CutPrefix(m[1], "#"); !ok || !ids[ref] {
					t.Errorf("%s=%q on <%s> refers to something not in the chart", k, v, n.name)
				}
			}
		}
	}
	return root
}

// luminance is the WCAG relative luminance of a #rrggbb colour.
func luminance(t *testing.T, hex string) float64 {
	t.Helper()
	if len(hex) != 7 || hex[0] != '#' {
		t.Fatalf("colour %q is not #rrggbb", hex)
	}
	var l float64
	for i, weight := range []float64{0.2126, 0.7152, 0.0722} {
		v, err := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		if err != nil {
			t.Fatalf("colour %q: %v", hex, err)
		}
		c := float64(v) / 255
		if c <= 0.03928 {
			c /= 12.92
		} else {
			c = math.Pow((c+0.055)/1.055, 2.4)
		}
		l += weight * c
	}
	return l
}

// contrast is the WCAG contrast ratio of a colour against white.
func contrast(t *testing.T, hex string) float64 {
	return 1.05 / (luminance(t, hex) + 0.05)
}

// contrastOf is the WCAG contrast ratio of two #rrggbb colours.
func contrastOf(t *testing.T, a, b string) float64 {
	la, lb := luminance(t, a), luminance(t, b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}
