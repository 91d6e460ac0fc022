package opendata

import _ "embed"

// taskSchema is the JSON Schema (draft 2020-12) of nhiem-vu.json and of
// each plan's JSON file. It is a file, not generated, so that it reads as
// documentation; a test holds it to the Task type field by field.
//
//go:embed nhiem-vu.schema.json
var taskSchema []byte

// TaskSchema returns the schema of the task records, as published at
// /du-lieu/nhiem-vu.schema.json.
func TaskSchema() []byte { return append([]byte(nil), taskSchema...) }
