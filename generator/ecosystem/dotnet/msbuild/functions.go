package msbuild

import (
	"path"
	"strconv"
	"strings"
)

// static evaluates a static property function, "[MSBuild]::Name(args)".
// Those crane knows are pure (paths, target frameworks, strings); any other
// (the clock, the registry, the environment) is unknown.
func (e *evaluator) static(body string, depth int) Value {
	end := strings.Index(body, "]")
	if end < 0 || !strings.HasPrefix(body[end+1:], "::") {
		return unknown("an expression crane cannot evaluate: $(" + body + ")")
	}
	class := strings.ToLower(strings.TrimSpace(body[1:end]))
	name, rawArgs, rest, ok := call(body[end+3:])
	if !ok {
		return unknown("an expression crane cannot evaluate: $(" + body + ")")
	}
	args := e.args(rawArgs, depth)
	var assumed []string
	for _, a := range args {
		if !a.Known() {
			return a
		}
		assumed = append(assumed, a.Assumed...)
	}
	text, ok := e.callStatic(class, strings.ToLower(name), args)
	if !ok {
		return unknown("a property function crane does not evaluate: $(" + body + ")")
	}
	return e.methods(Value{Text: text}.assume(assumed...), body, rest, depth)
}

func (e *evaluator) callStatic(class, name string, args []Value) (string, bool) {
	a := func(i int) string { return strings.TrimSpace(args[i].Text) }
	n := len(args)
	switch class + "::" + name {
	case "msbuild::getpathoffileabove":
		if n != 1 && n != 2 {
			return "", false
		}
		start := e.thisDir()
		if n == 2 {
			start = a(1)
		}
		dir, ok := e.fileAbove(start, a(0))
		if !ok || dir == "" {
			return "", ok
		}
		return strings.TrimSuffix(dir, "/") + "/" + a(0), true
	case "msbuild::getdirectorynameoffileabove":
		if n != 2 {
			return "", false
		}
		dir, ok := e.fileAbove(a(0), a(1))
		return strings.TrimSuffix(dir, "/"), ok
	case "msbuild::istargetframeworkcompatible":
		if n != 2 {
			return "", false
		}
		c, ok := frameworkCompatible(a(0), a(1))
		return strconv.FormatBool(c), ok
	case "msbuild::gettargetframeworkidentifier":
		if n != 1 {
			return "", false
		}
		f, ok := parseFramework(a(0))
		return f.id, ok
	case "msbuild::valueordefault":
		if n != 2 {
			return "", false
		}
		if args[0].Text != "" {
			return args[0].Text, true
		}
		return args[1].Text, true
	case "msbuild::ensuretrailingslash":
		if n != 1 {
			return "", false
		}
		if s := a(0); s != "" && !strings.HasSuffix(s, "/") && !strings.HasSuffix(s, `\`) {
			return s + "/", true
		}
		return a(0), true
	case "system.io.path::combine", "msbuild::normalizepath", "msbuild::normalizedirectory":
		if n == 0 {
			return "", false
		}
		p := ""
		for i := range args {
			q := strings.ReplaceAll(a(i), `\`, "/")
			if strings.HasPrefix(q, "/") || p == "" {
				p = q
			} else {
				p = strings.TrimSuffix(p, "/") + "/" + q
			}
		}
		if name == "normalizedirectory" {
			return strings.TrimSuffix(path.Clean(p), "/") + "/", true
		}
		return p, true
	case "system.string::isnullorempty":
		return strconv.FormatBool(n == 1 && args[0].Text == ""), n == 1
	case "system.string::isnullorwhitespace":
		return strconv.FormatBool(n == 1 && a(0) == ""), n == 1
	case "system.string::concat":
		var b strings.Builder
		for _, v := range args {
			if b.Len()+len(v.Text) > maxValue {
				return "", false
			}
			b.WriteString(v.Text)
		}
		return b.String(), true
	}
	return "", false
}

// fileAbove is the directory (a path as the evaluator writes them, "/src/")
// at or above start that holds a file named name, "" when none up to the
// root. ok is false when start is not a path inside the repository.
func (e *evaluator) fileAbove(start, name string) (dir string, ok bool) {
	rel, ok := e.resolve(start)
	if !ok || strings.ContainsAny(name, `/\*?`) {
		return "", false
	}
	for {
		if e.files.Exists(path.Join(rel, name)) {
			return abs(rel), true
		}
		if rel == "." {
			return "", true
		}
		rel = path.Dir(rel)
	}
}

// abs writes a root-relative directory as the evaluator's absolute path with
// a trailing slash, the form MSBuildThisFileDirectory has: "/src/A/", "/".
func abs(dir string) string {
	if dir == "." || dir == "" {
		return "/"
	}
	return "/" + dir + "/"
}

// resolve turns a path an Import names (absolute in the evaluator's form,
// or relative to the folder of the file that imports; either slash) into a
// clean root-relative one. ok is false outside the repository or for a
// wildcard.
func (e *evaluator) resolve(p string) (string, bool) { return resolveFrom(e.file, p) }

// resolveFrom resolves p against the folder of file (a root-relative path).
// MSBuild reads a relative path in an Import's Project against the
// importing file, and every other relative path (Exists() in a condition,
// say) against the project being built.
func resolveFrom(file, p string) (string, bool) {
	p = strings.ReplaceAll(strings.TrimSpace(p), `\`, "/")
	if p == "" || strings.ContainsAny(p, "*?") {
		return "", false
	}
	if strings.HasPrefix(p, "/") {
		p = path.Clean(p[1:])
		if p == "" {
			p = "."
		}
	} else {
		p = path.Join(path.Dir(file), p)
	}
	if p == ".." || strings.HasPrefix(p, "../") || strings.HasPrefix(p, "/") {
		return "", false
	}
	return p, true
}
