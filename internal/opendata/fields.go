package opendata

import (
	"reflect"
	"strings"
)

// Field is one field of a JSON record, as the data page and the schema
// test read it off the Go type: the records are written from these types,
// so a description made from them cannot drift from the files.
type Field struct {
	Path  string // "due.start", "lead[].text"
	Type  string // "string", "string|null", "integer|null", "boolean", "object", "string[]", "object[]"
	Means string // whose meaning this is: "<record type>.<field>", e.g. "due.start"
}

// Column is one column of a CSV file and the field whose meaning it
// carries ("task.title"), or a meaning of its own ("taskcsv.lead_ids").
type Column struct {
	Name  string
	Means string
}

// Names returns the columns' names: the header row.
func Names(cols []Column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.Name
	}
	return out
}

// Fields lists the fields of record, depth first in the order they are
// written. A record type nested in another is expanded where it first
// appears ("lead[].text"), not again ("support" refers to lead's).
func Fields(record any) []Field {
	var out []Field
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type, prefix string)
	walk = func(t reflect.Type, prefix string) {
		seen[t] = true
		owner := strings.ToLower(t.Name())
		for _, f := range jsonFields(t) {
			_, elem := jsonTypes(f.Type)
			path := prefix + f.Name
			out = append(out, Field{Path: path, Type: typeName(f.Type), Means: owner + "." + f.Name})
			if elem == nil || seen[elem] {
				continue
			}
			if f.Type.Kind() == reflect.Slice {
				walk(elem, path+"[].")
			} else {
				walk(elem, path+".")
			}
		}
	}
	walk(reflect.TypeOf(record), "")
	return out
}

// jsonField is a struct field under its JSON name.
type jsonField struct {
	Name string
	Type reflect.Type
}

// jsonFields returns the fields encoding/json writes for struct type t, in
// order. The records use plain `json:"name"` tags and no embedding.
func jsonFields(t reflect.Type) []jsonField {
	var out []jsonField
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		out = append(out, jsonField{Name: name, Type: f.Type})
	}
	return out
}

// jsonTypes returns the JSON Schema types a Go type is written as, and the
// struct type of its object (or of its array's objects), if any.
func jsonTypes(t reflect.Type) (types []string, elem reflect.Type) {
	switch t.Kind() {
	case reflect.Pointer:
		inner, elem := jsonTypes(t.Elem())
		return append(inner, "null"), elem
	case reflect.String:
		return []string{"string"}, nil
	case reflect.Bool:
		return []string{"boolean"}, nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return []string{"integer"}, nil
	case reflect.Float32, reflect.Float64:
		return []string{"number"}, nil
	case reflect.Slice:
		_, elem := jsonTypes(t.Elem())
		return []string{"array"}, elem
	case reflect.Struct:
		return []string{"object"}, t
	}
	return []string{"unsupported " + t.String()}, nil
}

// typeName writes a Go type the way the data page shows its JSON type:
// "string|null", "string[]", "object[]".
func typeName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Pointer:
		return typeName(t.Elem()) + "|null"
	case reflect.Slice:
		return typeName(t.Elem()) + "[]"
	}
	types, _ := jsonTypes(t)
	return strings.Join(types, "|")
}
