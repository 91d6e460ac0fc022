package importer

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Error is a problem with the input, at a line of it. It says what to do.
type Error struct {
	File string
	Line int // 1-based; 0 when the problem is the file as a whole
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// Decode turns the bytes of a text file into NFC text with "\n" line ends.
// It reads UTF-8 with or without a byte order mark and UTF-16 with one
// (what Word saves as "Unicode text"), so that the same words typed on any
// machine become the same bytes before anything looks at them.
func Decode(name string, src []byte) (string, error) {
	var text string
	switch {
	case bytes.HasPrefix(src, []byte{0xEF, 0xBB, 0xBF}):
		src = src[3:]
		if err := checkUTF8(name, src); err != nil {
			return "", err
		}
		text = string(src)
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE}):
		t, err := decodeUTF16(name, src[2:], false)
		if err != nil {
			return "", err
		}
		text = t
	case bytes.HasPrefix(src, []byte{0xFE, 0xFF}):
		t, err := decodeUTF16(name, src[2:], true)
		if err != nil {
			return "", err
		}
		text = t
	default:
		if looksUTF16(src) {
			return "", &Error{File: name, Msg: "this looks like UTF-16 text without a byte order mark: save it again as UTF-8 (in Word: Save As, Plain Text, encoding Unicode (UTF-8))"}
		}
		if err := checkUTF8(name, src); err != nil {
			return "", err
		}
		text = string(src)
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	return norm.NFC.String(text), nil
}

// checkUTF8 names the first line that is not UTF-8: a file saved in a legacy
// Vietnamese code page (TCVN3, VNI) cannot be read without guessing.
func checkUTF8(name string, src []byte) error {
	if utf8.Valid(src) {
		return nil
	}
	line := 1
	for len(src) > 0 {
		r, size := utf8.DecodeRune(src)
		if r == utf8.RuneError && size <= 1 {
			return &Error{File: name, Line: line, Msg: "this line is not UTF-8 text (the file may use an old Vietnamese encoding such as TCVN3 or VNI): convert the file to Unicode UTF-8 and import it again"}
		}
		if r == '\n' {
			line++
		}
		src = src[size:]
	}
	return nil
}

func decodeUTF16(name string, src []byte, bigEndian bool) (string, error) {
	if len(src)%2 != 0 {
		return "", &Error{File: name, Msg: "the file starts as UTF-16 text but has an odd number of bytes (it is cut short): save it again and import it again"}
	}
	units := make([]uint16, len(src)/2)
	for i := range units {
		a, b := uint16(src[2*i]), uint16(src[2*i+1])
		if bigEndian {
			units[i] = a<<8 | b
		} else {
			units[i] = b<<8 | a
		}
	}
	runes := utf16.Decode(units)
	line := 1
	for _, r := range runes {
		if r == utf8.RuneError {
			return "", &Error{File: name, Line: line, Msg: "this line holds a broken UTF-16 character: save the file again as UTF-8 and import it again"}
		}
		if r == '\n' {
			line++
		}
	}
	return string(runes), nil
}

// looksUTF16 reports whether src is likely UTF-16 without a byte order mark:
// Vietnamese text in UTF-16 has a zero byte in most ASCII code units.
func looksUTF16(src []byte) bool {
	n := min(len(src), 512)
	if n < 8 {
		return false
	}
	zeros := 0
	for _, c := range src[:n] {
		if c == 0 {
			zeros++
		}
	}
	return zeros*4 > n
}
