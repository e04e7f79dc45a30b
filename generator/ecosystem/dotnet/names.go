package dotnet

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/ewilde/crane/generator/ecosystem"
)

// dotnetName is a .NET project name: dotted C# identifier segments
// ("Acme.Widgets"), which also name the folders, the assembly, the root
// namespace and the NuGet package id.
type dotnetName struct{}

// csharpKeywords are C#'s reserved keywords, which cannot be a namespace
// segment without an @.
var csharpKeywords = map[string]bool{}

func init() {
	for _, k := range strings.Fields(`abstract as base bool break byte case catch char checked
		class const continue decimal default delegate do double else enum event explicit
		extern false finally fixed float for foreach goto if implicit in int interface
		internal is lock long namespace new null object operator out override params
		private protected public readonly ref return sbyte sealed short sizeof stackalloc
		static string struct switch this throw true try typeof uint ulong unchecked unsafe
		ushort using virtual void volatile while`) {
		csharpKeywords[k] = true
	}
}

func (dotnetName) Check(name string) []string {
	problems := ecosystem.PathProblems(name, 100)
	if name == "" {
		return problems
	}
	if strings.ContainsAny(name, `/\`) {
		problems = append(problems, "it contains a path separator; give a name, and --dir for the folder")
	}
	if strings.HasPrefix(name, ".") || strings.HasSuffix(name, ".") {
		problems = append(problems, "it starts or ends with a dot")
	}
	var bad []string
	for _, r := range name {
		if r != '.' && r != '_' && !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.Contains(strings.Join(bad, ""), string(r)) {
			bad = append(bad, string(r))
		}
	}
	if len(bad) > 0 {
		problems = append(problems, fmt.Sprintf("it contains %q; a .NET name is identifiers (letters, digits, _) joined by dots", strings.Join(bad, "")))
	}
	for _, seg := range strings.Split(name, ".") {
		switch {
		case seg == "":
			if !strings.HasPrefix(name, ".") && !strings.HasSuffix(name, ".") && !strings.Contains(name, "..") {
				problems = append(problems, "it has an empty segment")
			}
		case unicode.IsDigit([]rune(seg)[0]):
			problems = append(problems, fmt.Sprintf("segment %q starts with a digit", seg))
		case csharpKeywords[seg]:
			problems = append(problems, fmt.Sprintf("segment %q is a C# keyword", seg))
		case ecosystem.WindowsReserved[strings.ToUpper(seg)]:
			problems = append(problems, fmt.Sprintf("segment %q is a name Windows reserves for a device", seg))
		}
	}
	return problems
}

// Suggest PascalCases each dotted segment and drops what is not an
// identifier character: "my-app" -> "MyApp", "acme.my widget" -> "Acme.MyWidget".
func (r dotnetName) Suggest(name string) string {
	if len(r.Check(name)) == 0 {
		return ""
	}
	var segs []string
	for _, seg := range strings.FieldsFunc(name, func(c rune) bool { return c == '.' || c == '/' || c == '\\' }) {
		var b strings.Builder
		for _, word := range strings.FieldsFunc(seg, func(c rune) bool {
			return !unicode.IsLetter(c) && !unicode.IsDigit(c) && c != '_'
		}) {
			rs := []rune(word)
			b.WriteString(string(unicode.ToUpper(rs[0])) + string(rs[1:]))
		}
		if b.Len() > 0 {
			segs = append(segs, b.String())
		}
	}
	s := strings.Join(segs, ".")
	if s == name || len(r.Check(s)) > 0 {
		return ""
	}
	return s
}
