package render

import (
	"html/template"

	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/tmplexec"
	"github.com/minhbach/minhbach/internal/vntime"
)

// fastCalls are the calls tmplexec makes without reflection to the layout
// functions whose parameters are model types, which it cannot name: the
// URL makers, the dates and the rows of due-tables, on every row of every
// list. They are made from
// funcs itself, so each is the function its name stands for.
func fastCalls(funcs template.FuncMap) map[string]tmplexec.FastFunc {
	fast := map[string]tmplexec.FastFunc{}
	for name, f := range funcs {
		switch f := f.(type) {
		case func(*model.Task) string:
			fast[name] = tmplexec.Fast1(f)
		case func(*model.Plan) string:
			fast[name] = tmplexec.Fast1(f)
		case func(*model.Locality) string:
			fast[name] = tmplexec.Fast1(f)
		case func(*model.Update) string:
			fast[name] = tmplexec.Fast1(f)
		case func(*model.Agency) string:
			fast[name] = tmplexec.Fast1(f)
		case func(*model.Document) string:
			fast[name] = tmplexec.Fast1(f)
		case func(model.Date) string:
			fast[name] = tmplexec.Fast1(f)
		case func(vntime.Deadline) string:
			fast[name] = tmplexec.Fast1(f)
		case func(DueItem) (template.HTML, error):
			fast[name] = tmplexec.FastErr1(f)
		}
	}
	return fast
}
