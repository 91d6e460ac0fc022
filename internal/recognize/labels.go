package recognize

import (
	"strings"
	"unicode/utf8"

	"github.com/minhbach/minhbach/internal/vnfold"
)

// Field is the part of a task a label fills.
type Field int

const (
	NoField Field = iota
	Lead
	Support
	Due
	Product
	Targets
)

// labels maps the folded start of a label to its field. A label matches when
// its folded text starts with one of these, so "Đơn vị chủ trì (tham mưu)"
// and "Thời gian, địa điểm thực hiện" are read as written.
var labels = []struct {
	prefix string
	field  Field
}{
	{"co quan chu tri", Lead},
	{"don vi chu tri", Lead},
	{"chu tri", Lead},
	{"co quan thuc hien", Lead},
	{"don vi thuc hien", Lead},
	{"co quan, don vi chu tri", Lead},
	{"co quan phoi hop", Support},
	{"don vi phoi hop", Support},
	{"co quan, don vi phoi hop", Support},
	{"phoi hop", Support},
	{"thoi gian", Due},
	{"thoi han", Due},
	{"san pham", Product},
	{"chi tieu", Targets},
}

// LabelNames lists the labels an editor can write, for error messages.
const LabelNames = `"Cơ quan chủ trì", "Cơ quan thực hiện", "Cơ quan phối hợp", "Thời gian thực hiện", "Thời gian hoàn thành", "Sản phẩm", "Chỉ tiêu"`

// SplitLabel splits "Label: value" into its parts. ok is false when the text
// does not start with something shaped like a label (a few words, then ":").
func SplitLabel(s string) (label, value string, ok bool) {
	i := strings.IndexByte(s, ':')
	if i <= 0 || utf8.RuneCountInString(s[:i]) > 60 {
		return "", "", false
	}
	label = strings.TrimSpace(s[:i])
	if len(strings.Fields(label)) > 8 || label == "" {
		return "", "", false
	}
	return label, strings.TrimSpace(s[i+1:]), true
}

// FieldOf returns the field a label names, or NoField.
func FieldOf(label string) Field {
	f := vnfold.Fold(label)
	for _, l := range labels {
		if strings.HasPrefix(f, l.prefix) {
			return l.field
		}
	}
	return NoField
}
