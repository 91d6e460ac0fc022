package main

import (
	"fmt"
	"io"
)

// importPlan will turn a plan's plain text into canonical Markdown; it is
// being written.
func importPlan(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "minhbach: import is not available in this version")
	return 2
}
