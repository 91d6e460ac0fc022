package importer

import (
	"fmt"
	"strings"
	"time"
)

// Front is the front matter of an imported plan. Empty fields are not
// written: a field the text does not state is left out, never guessed.
type Front struct {
	Title       string
	Number      string
	Issued      time.Time
	Issuer      string
	Signer      string
	SignerTitle string
	Implements  []string
	TasksFrom   string
}

// toml writes the front matter between "+++" lines. The header as printed
// goes first, as TOML comments: an editor can check every field against it,
// and no word of the document is lost.
func (f Front) toml(header []string, firstLine, lastLine int) string {
	var b strings.Builder
	b.WriteString("+++\n")
	if len(header) > 0 {
		fmt.Fprintf(&b, "# Phần đầu văn bản (dòng %d–%d), đã đọc vào các trường dưới đây:\n", firstLine, lastLine)
		for _, h := range header {
			b.WriteString("#   " + h + "\n")
		}
	}
	b.WriteString("kind = \"plan\"\n")
	str := func(key, v string) {
		if v != "" {
			fmt.Fprintf(&b, "%s = %s\n", key, tomlString(v))
		}
	}
	str("title", f.Title)
	str("number", f.Number)
	if !f.Issued.IsZero() {
		fmt.Fprintf(&b, "issued = %s\n", f.Issued.Format("2006-01-02"))
	}
	str("issuer", f.Issuer)
	str("signer", f.Signer)
	str("signer_title", f.SignerTitle)
	if len(f.Implements) > 0 {
		q := make([]string, len(f.Implements))
		for i, s := range f.Implements {
			q[i] = tomlString(s)
		}
		fmt.Fprintf(&b, "implements = [%s]\n", strings.Join(q, ", "))
	}
	str("tasks_from", f.TasksFrom)
	b.WriteString("+++\n")
	return b.String()
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7F:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
