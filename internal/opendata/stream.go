package opendata

import (
	"bytes"
	"encoding/json"
	"io"
)

// flushAt is how much a streaming writer gathers before it writes: large
// enough that a gzip stream gets whole blocks, small enough not to count.
const flushAt = 64 << 10

// buffered gathers what a streaming writer writes and passes it on in
// pieces of about flushAt bytes.
type buffered struct {
	w io.Writer
	b bytes.Buffer
}

// flush passes on what is gathered: all of it, or once it is at least
// flushAt bytes when full is set.
func (f *buffered) flush(full bool) error {
	if full && f.b.Len() < flushAt {
		return nil
	}
	_, err := f.w.Write(f.b.Bytes())
	f.b.Reset()
	return err
}

// JSONLinesWriter writes a JSON array with one record per line, as the
// functions that return a whole file do, a record at a time: the
// site-wide files of a national portal are hundreds of MB, which need
// never be in memory on their way into a gzip stream.
type JSONLinesWriter struct {
	buffered
	enc  *json.Encoder
	more bool // the array holds a record: the next follows a comma
	last bool // Close ends the array
}

// NewJSONLinesWriter starts an array written to w.
func NewJSONLinesWriter(w io.Writer) *JSONLinesWriter { return NewJSONLinesPart(w, true, true) }

// NewJSONLinesPart starts one part of an array written in parts (see
// gzparts): the first part opens the array and the last one's Close ends
// it. A part other than the first follows parts that wrote records.
func NewJSONLinesPart(w io.Writer, first, last bool) *JSONLinesWriter {
	j := &JSONLinesWriter{buffered: buffered{w: w}, more: !first, last: last}
	j.enc = json.NewEncoder(&j.b)
	j.enc.SetEscapeHTML(false)
	if first {
		j.b.WriteString("[\n")
	}
	return j
}

// Write adds one record.
func (j *JSONLinesWriter) Write(record any) error {
	if j.more {
		j.b.WriteString(",\n")
	}
	if err := j.enc.Encode(record); err != nil {
		return err
	}
	j.b.Truncate(j.b.Len() - 1) // Encode's newline; the separator adds its own
	j.more = true
	return j.flush(true)
}

// Close ends the array, if its part is the last, and writes what is left.
func (j *JSONLinesWriter) Close() error {
	if j.last {
		if j.more {
			j.b.WriteByte('\n')
		}
		j.b.WriteString("]\n")
	}
	return j.flush(false)
}

// CSVWriter writes CSV as CSV does, a row at a time.
type CSVWriter struct {
	buffered
}

// NewCSVWriter starts a CSV file written to w, with its byte order mark
// and header.
func NewCSVWriter(w io.Writer, header []string) *CSVWriter { return NewCSVPart(w, header, true) }

// NewCSVPart starts one part of a CSV file written in parts (see
// gzparts): only the first has the byte order mark and the header.
func NewCSVPart(w io.Writer, header []string, first bool) *CSVWriter {
	c := &CSVWriter{buffered{w: w}}
	if first {
		c.b.WriteString("\ufeff")
		writeRecord(&c.b, header)
	}
	return c
}

// Write adds one row.
func (c *CSVWriter) Write(fields []string) error {
	writeRecord(&c.b, fields)
	return c.flush(true)
}

// Close writes what is left.
func (c *CSVWriter) Close() error { return c.flush(false) }
