package ecosystem

import (
	"fmt"
	"strings"
)

// WindowsReserved are device names Windows will not create as a file or
// folder, with or without an extension.
var WindowsReserved = map[string]bool{
	"CON": true, "PRN": true, "AUX": true, "NUL": true,
	"COM1": true, "COM2": true, "COM3": true, "COM4": true, "COM5": true,
	"COM6": true, "COM7": true, "COM8": true, "COM9": true,
	"LPT1": true, "LPT2": true, "LPT3": true, "LPT4": true, "LPT5": true,
	"LPT6": true, "LPT7": true, "LPT8": true, "LPT9": true,
}

// PathProblems are the checks every ecosystem shares: a name becomes a folder.
func PathProblems(name string, max int) []string {
	var problems []string
	if name == "" {
		return []string{"the name is empty"}
	}
	if strings.HasPrefix(name, "/") || strings.HasPrefix(name, `\`) || (len(name) > 1 && name[1] == ':') {
		problems = append(problems, "it is an absolute path; give a name, and --dir for the folder")
	}
	if strings.Contains(name, "..") {
		problems = append(problems, `it contains ".."`)
	}
	if len(name) > max {
		problems = append(problems, fmt.Sprintf("it is %d characters long; the limit is %d", len(name), max))
	}
	return problems
}

// BadChars returns each rune of s that ok rejects, once, in order.
func BadChars(s string, ok func(rune) bool) string {
	var b strings.Builder
	for _, r := range s {
		if !ok(r) && !strings.ContainsRune(b.String(), r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// UniqueChars joins the distinct strings of chars in their first order.
func UniqueChars(chars []string) string {
	var b strings.Builder
	for _, c := range chars {
		if !strings.Contains(b.String(), c) {
			b.WriteString(c)
		}
	}
	return b.String()
}
