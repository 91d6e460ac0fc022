package opendata

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/minhbach/minhbach/internal/content"
	"github.com/minhbach/minhbach/internal/load"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/status"
	"github.com/minhbach/minhbach/internal/vntime"
)

// schema is a JSON Schema document, checked by a small validator for the
// keywords nhiem-vu.schema.json uses. A keyword it does not know fails the
// test, so the schema cannot say more than is checked.
type schema struct{ root map[string]any }

var knownKeywords = []string{"$schema", "$defs", "$ref", "title", "description", "type", "enum", "properties",
	"required", "additionalProperties", "items", "pattern", "format", "minimum", "maximum"}

func parseSchema(t *testing.T, data []byte) schema {
	t.Helper()
	var root map[string]any
	if err := json.Unmarshal(data, &root); err != nil {
		t.Fatalf("the schema is not JSON: %v", err)
	}
	if root["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("$schema = %v, want draft 2020-12", root["$schema"])
	}
	var check func(node map[string]any, path string)
	check = func(node map[string]any, path string) {
		for k, v := range node {
			if !slices.Contains(knownKeywords, k) {
				t.Errorf("%s: keyword %q is not one the test checks", path, k)
			}
			switch k {
			case "$defs", "properties":
				for name, sub := range v.(map[string]any) {
					check(sub.(map[string]any), path+"/"+k+"/"+name)
				}
			case "items":
				check(v.(map[string]any), path+"/items")
			}
		}
	}
	check(root, "#")
	return schema{root}
}

// resolve follows $ref: the referenced schema's keywords, with the
// referring schema's own over them.
func (s schema) resolve(node map[string]any) map[string]any {
	ref, ok := node["$ref"].(string)
	if !ok {
		return node
	}
	target := s.root["$defs"].(map[string]any)[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
	out := map[string]any{}
	for k, v := range s.resolve(target) {
		out[k] = v
	}
	for k, v := range node {
		if k != "$ref" {
			out[k] = v
		}
	}
	return out
}

func typesOf(node map[string]any) []string {
	var out []string
	switch v := node["type"].(type) {
	case string:
		out = []string{v}
	case []any:
		for _, t := range v {
			out = append(out, t.(string))
		}
	}
	sort.Strings(out)
	return out
}

// validate returns where value breaks the schema node.
func (s schema) validate(node map[string]any, value any, path string) []string {
	node = s.resolve(node)
	var errs []string
	fail := func(format string, args ...any) { errs = append(errs, path+": "+fmt.Sprintf(format, args...)) }
	if types := typesOf(node); len(types) > 0 && !slices.Contains(types, jsonType(value)) &&
		!(jsonType(value) == "number" && slices.Contains(types, "integer") && value.(float64) == math.Trunc(value.(float64))) {
		fail("%s, want %v", jsonType(value), types)
		return errs
	}
	if enum, ok := node["enum"].([]any); ok && !slices.Contains(enum, value) {
		fail("%v is not one of %v", value, enum)
	}
	switch v := value.(type) {
	case string:
		if p, ok := node["pattern"].(string); ok && !regexp.MustCompile(p).MatchString(v) {
			fail("%q does not match %s", v, p)
		}
		if node["format"] == "date" {
			if _, err := time.Parse(time.DateOnly, v); err != nil {
				fail("%q is not a date", v)
			}
		}
	case float64:
		if m, ok := node["minimum"].(float64); ok && v < m {
			fail("%v < %v", v, m)
		}
		if m, ok := node["maximum"].(float64); ok && v > m {
			fail("%v > %v", v, m)
		}
	case []any:
		if items, ok := node["items"].(map[string]any); ok {
			for i, item := range v {
				errs = append(errs, s.validate(items, item, fmt.Sprintf("%s[%d]", path, i))...)
			}
		}
	case map[string]any:
		props, _ := node["properties"].(map[string]any)
		for _, r := range node["required"].([]any) {
			if _, ok := v[r.(string)]; !ok {
				fail("no %q", r)
			}
		}
		for k, sub := range v {
			p, ok := props[k]
			if !ok {
				if node["additionalProperties"] == false {
					fail("%q is not in the schema", k)
				}
				continue
			}
			errs = append(errs, s.validate(p.(map[string]any), sub, path+"."+k)...)
		}
	}
	return errs
}

func jsonType(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case float64:
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	}
	return "object"
}

// describe compares a schema node with the Go type its values are written
// from: the same JSON types, and for objects exactly the same properties,
// every one required, no others allowed.
func (s schema) describe(node map[string]any, typ reflect.Type, path string) []string {
	node = s.resolve(node)
	want, elem := jsonTypes(typ)
	sort.Strings(want)
	if got := typesOf(node); !slices.Equal(got, want) {
		return []string{fmt.Sprintf("%s: type %v, but the Go type %s is written as %v", path, got, typ, want)}
	}
	for typ.Kind() == reflect.Pointer {
		typ = typ.Elem()
	}
	var errs []string
	switch {
	case typ.Kind() == reflect.Slice:
		items, ok := node["items"].(map[string]any)
		if !ok {
			return []string{path + ": an array with no items schema"}
		}
		errs = append(errs, s.describe(items, typ.Elem(), path+"[]")...)
	case elem != nil:
		props, _ := node["properties"].(map[string]any)
		var required []string
		for _, r := range node["required"].([]any) {
			required = append(required, r.(string))
		}
		var names []string
		for _, f := range jsonFields(elem) {
			names = append(names, f.Name)
			p, ok := props[f.Name]
			if !ok {
				errs = append(errs, fmt.Sprintf("%s: the schema has no property %q", path, f.Name))
				continue
			}
			errs = append(errs, s.describe(p.(map[string]any), f.Type, path+"."+f.Name)...)
		}
		for name := range props {
			if !slices.Contains(names, name) {
				errs = append(errs, fmt.Sprintf("%s: the schema has %q, which records do not", path, name))
			}
		}
		slices.Sort(names)
		slices.Sort(required)
		if !slices.Equal(names, required) {
			errs = append(errs, fmt.Sprintf("%s: required %v, want every field %v", path, required, names))
		}
		if node["additionalProperties"] != false {
			errs = append(errs, path+": additionalProperties is not false")
		}
	}
	return errs
}

// The schema describes exactly the records nhiem-vu.json holds: the names,
// JSON types and required fields of the Task type, all the way down.
func TestSchemaDescribesTaskRecords(t *testing.T) {
	s := parseSchema(t, TaskSchema())
	for _, e := range s.describe(s.root, reflect.TypeOf([]Task{}), "nhiem-vu.json") {
		t.Error(e)
	}
}

// The comparison notices a schema that drifts from the type: a field it
// lacks, a field it has too many, a type that differs, a field not
// required.
func TestSchemaDriftIsCaught(t *testing.T) {
	s := parseSchema(t, TaskSchema())
	milestone := s.root["$defs"].(map[string]any)["milestone"].(map[string]any)
	tests := []struct {
		name string
		typ  any
	}{
		{"extra field", struct {
			Date  string `json:"date"`
			Place string `json:"place"`
			Note  string `json:"note"`
		}{}},
		{"missing field", struct {
			Date string `json:"date"`
		}{}},
		{"nullable", struct {
			Date  string  `json:"date"`
			Place *string `json:"place"`
		}{}},
		{"renamed", struct {
			Date  string `json:"day"`
			Place string `json:"place"`
		}{}},
	}
	for _, tt := range tests {
		if errs := s.describe(milestone, reflect.TypeOf(tt.typ), tt.name); len(errs) == 0 {
			t.Errorf("%s: no difference found", tt.name)
		}
	}
	notRequired := map[string]any{"type": "object", "additionalProperties": false, "required": []any{"date"},
		"properties": milestone["properties"]}
	if errs := s.describe(notRequired, reflect.TypeOf(Milestone{}), "required"); len(errs) == 0 {
		t.Error("a field left out of required was not noticed")
	}
}

// bundledRecords loads the repository's own content and makes the record
// of every task, as the build does.
func bundledRecords(t *testing.T) []Task {
	t.Helper()
	site, diags := load.Load("../..", content.NewParser(), nil)
	if err := diags.Err(); err != nil {
		t.Fatal(err)
	}
	asOf := model.Date{Year: 2024, Month: 9, Day: 30}
	var records []Task
	for _, task := range site.Tasks() {
		st := status.Of(task, asOf)
		source := ""
		if st.Report != nil {
			source = "/dia-phuong/" + st.Report.Update.Locality.Path + "/" + st.Report.Update.Slug + "/"
		}
		records = append(records, TaskRecord(task, "/dia-phuong/"+task.Plan.Locality.Path+"/"+task.Plan.Slug+"/"+task.Slug+"/", st, source))
	}
	return records
}

// Every task of the bundled site validates against the schema.
func TestBundledTasksValidate(t *testing.T) {
	records := bundledRecords(t)
	if len(records) < 100 {
		t.Fatalf("only %d tasks", len(records))
	}
	data, err := TasksJSON(records)
	if err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	s := parseSchema(t, TaskSchema())
	for _, e := range s.validate(s.root, doc, "nhiem-vu.json") {
		t.Error(e)
	}
}

// The validator rejects what the schema forbids.
func TestValidatorRejects(t *testing.T) {
	s := parseSchema(t, TaskSchema())
	good, err := json.Marshal(sampleTask())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		change func(m map[string]any)
	}{
		{"missing field", func(m map[string]any) { delete(m, "title") }},
		{"extra field", func(m map[string]any) { m["note"] = "" }},
		{"wrong type", func(m map[string]any) { m["targets"] = "một" }},
		{"null list", func(m map[string]any) { m["sections"] = nil }},
		{"bad enum", func(m map[string]any) { m["due"].(map[string]any)["kind"] = "soon" }},
		{"bad date", func(m map[string]any) { m["plan_issued"] = "2022-02-31" }},
		{"date pattern", func(m map[string]any) { m["due"].(map[string]any)["end"] = "10/3/2022" }},
		{"agency", func(m map[string]any) { m["lead"].([]any)[0].(map[string]any)["group"] = "no" }},
		{"fraction", func(m map[string]any) { m["due"].(map[string]any)["day"] = 1.5 }},
		{"state", func(m map[string]any) { m["status"].(map[string]any)["state"] = "xong" }},
	}
	for _, tt := range tests {
		var m map[string]any
		if err := json.Unmarshal(good, &m); err != nil {
			t.Fatal(err)
		}
		if errs := s.validate(s.root, []any{m}, "ok"); len(errs) > 0 {
			t.Fatalf("the sample does not validate: %v", errs)
		}
		tt.change(m)
		if errs := s.validate(s.root, []any{m}, tt.name); len(errs) == 0 {
			t.Errorf("%s: accepted", tt.name)
		}
	}
}

// Fields reads the record types as the data page shows them.
func TestFields(t *testing.T) {
	got := map[string]Field{}
	var paths []string
	for _, f := range Fields(Task{}) {
		got[f.Path] = f
		paths = append(paths, f.Path)
	}
	want := []Field{
		{"locality", "string", "task.locality"},
		{"lead", "object[]", "task.lead"},
		{"lead[].id", "string|null", "agency.id"},
		{"lead[].group", "boolean", "agency.group"},
		{"support", "object[]", "task.support"},
		{"due.start", "string|null", "due.start"},
		{"due.milestones[].date", "string", "milestone.date"},
		{"due.day", "integer|null", "due.day"},
		{"targets", "string[]", "task.targets"},
		{"status.timing", "string|null", "status.timing"},
	}
	for _, w := range want {
		if got[w.Path] != w {
			t.Errorf("%s: %+v, want %+v", w.Path, got[w.Path], w)
		}
	}
	if _, ok := got["support[].text"]; ok {
		t.Error("support's agencies are expanded a second time")
	}
	if paths[0] != "locality" || paths[len(paths)-1] != "url" {
		t.Errorf("not in the record's order: %v", paths)
	}
}

// The schema's enums are the values the code writes.
func TestSchemaEnums(t *testing.T) {
	s := parseSchema(t, TaskSchema())
	defs := s.root["$defs"].(map[string]any)
	enum := func(def, prop string) []string {
		var out []string
		for _, v := range defs[def].(map[string]any)["properties"].(map[string]any)[prop].(map[string]any)["enum"].([]any) {
			if v == nil {
				out = append(out, "null")
			} else {
				out = append(out, v.(string))
			}
		}
		slices.Sort(out)
		return out
	}
	sorted := func(s ...string) []string { slices.Sort(s); return s }
	tests := []struct {
		def, prop string
		want      []string
	}{
		{"due", "kind", sorted(string(vntime.None), string(vntime.Window), string(vntime.By), string(vntime.From), string(vntime.Milestones),
			string(vntime.Ongoing), string(vntime.Recurring), string(vntime.Conditional), string(vntime.Unknown))},
		{"due", "every", sorted(string(vntime.Daily), string(vntime.Weekly), string(vntime.Monthly), string(vntime.Quarterly),
			string(vntime.HalfYearly), string(vntime.Yearly), "null")},
		{"status", "state", sorted(append(model.States(), "null")...)},
		{"status", "timing", sorted(string(status.PastDue), string(status.DueSoon), "null")},
	}
	for _, tt := range tests {
		if got := enum(tt.def, tt.prop); !slices.Equal(got, tt.want) {
			t.Errorf("%s.%s: enum %q, want %q", tt.def, tt.prop, got, tt.want)
		}
	}
}
