package generator

import (
	"fmt"
	"strings"
)

// NameRule validates the name of a new project in one ecosystem's terms.
type NameRule interface {
	// Check returns every problem with name; none means it is valid.
	Check(name string) []string
	// Suggest returns a valid name close to name, or "" when none is obvious.
	Suggest(name string) string
}

// nameRules are the rules a pack.yaml's name_rule may name.
var nameRules = map[string]NameRule{
	"dotnet": dotnetName{},
	"go":     goName{},
	"node":   nodeName{},
	"python": pythonName{},
	"rust":   rustName{},
}

// windowsReserved are device names Windows will not create as a file or
// folder, with or without an extension.
var windowsReserved = map[string]bool{
	"CON": true, "PRN": true, "AUX": true, "NUL": true,
	"COM1": true, "COM2": true, "COM3": true, "COM4": true, "COM5": true,
	"COM6": true, "COM7": true, "COM8": true, "COM9": true,
	"LPT1": true, "LPT2": true, "LPT3": true, "LPT4": true, "LPT5": true,
	"LPT6": true, "LPT7": true, "LPT8": true, "LPT9": true,
}

// pathProblems are the checks every ecosystem shares: a name becomes a folder.
func pathProblems(name string, max int) []string {
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
