package generator

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"text/template"
	"unicode"
	"unicode/utf8"
)

// File is one rendered file.
type File struct {
	Path      string // slash-separated, relative to the target root
	Data      []byte
	Mode      fs.FileMode // 0644 or 0755
	Policy    Policy
	Component string
	Aliases   []string // other names of the file (FileRule.Aliases)
	Needs     []string // files it calls (FileRule.Needs)
	// RenamedFrom is the path the file had in an earlier pack version, if
	// the pack says so (pack.yaml renamed_from).
	RenamedFrom string
}

// Tree is a rendered pack: files sorted by path.
type Tree []File

// Get returns the file at p, if the tree has it.
func (t Tree) Get(p string) (File, bool) {
	i, ok := slices.BinarySearchFunc(t, p, func(f File, p string) int { return strings.Compare(f.Path, p) })
	if !ok {
		return File{}, false
	}
	return t[i], true
}

// templateData is what a template sees: every value by name, and .Facts.
func templateData(vals Values, facts *Facts) map[string]any {
	data := make(map[string]any, len(vals)+1)
	for k, v := range vals {
		data[k] = v
	}
	if facts != nil {
		data["Facts"] = *facts
	}
	return data
}

func renderString(t *template.Template, text string, vals Values, facts Facts, lim Limits) (string, error) {
	return renderText(t, text, templateData(vals, &facts), lim)
}

// renderText parses text into t and executes it on data, bounded by lim
// like a pack render (see bound).
func renderText(t *template.Template, text string, data map[string]any, lim Limits) (string, error) {
	t, err := t.Parse(text)
	if err != nil {
		return "", err
	}
	bound(t)
	return execWithin(t, data, lim)
}

// Render renders the files of the given components of p with vals. It does no
// IO: the pack is already in memory. Paths have their __Var__ tokens replaced;
// a path that would leave the target root is an error.
func Render(p *Pack, vals Values, components ...string) (Tree, error) {
	return render(p, vals, components, true)
}

// render is Render; atOnce false renders every file in order, one by one
// (tests compare the two).
func render(p *Pack, vals Values, components []string, atOnce bool) (Tree, error) {
	data := templateData(vals, nil)
	lim := p.limits()
	clock := startClock(lim.Timeout)
	defer clock.stop()
	var ahead ahead
	if atOnce {
		ahead = p.renderAhead(components, vals, data, lim, clock)
	}
	var total int64
	var tree Tree
	var errs, valueProblems []string
	refused := false // a template called fail
	for i, f := range p.files {
		if !slices.Contains(components, f.component) {
			continue
		}
		policy := defaultPolicy(f.component)
		crlf := false
		var aliases, needs []string
		renamedFrom := ""
		if r := p.rule(f.target); r != nil {
			crlf = r.EOL == "crlf"
			aliases, needs = r.Aliases, r.Needs
			renamedFrom = r.RenamedFrom
			if r.Policy != "" {
				policy = r.Policy
			}
			if r.When != "" {
				w := &boundedWriter{max: lim.MaxFileBytes, clock: clock}
				holds, err := r.holds(data, w)
				if err != nil {
					if errors.Is(err, errStopped) {
						return nil, limitError(p, "pack.yaml: files "+r.Path+": when", w, lim)
					}
					if msg := p.refusedBy(err); msg != "" {
						valueProblems, refused = appendNew(valueProblems, msg), true
						continue
					}
					errs = append(errs, fmt.Sprintf("%s/pack.yaml: files %s: when: %v", p.Name, r.Path, err))
					continue
				}
				if !holds {
					continue
				}
			}
		}
		target, err := expandPath(f.target, vals)
		if err != nil {
			if msg := pathValueProblem(f.target, vals, err); msg != "" {
				valueProblems = appendNew(valueProblems, msg)
			} else {
				errs = append(errs, fmt.Sprintf("%s: %v", f.src, err))
			}
			continue
		}
		content := f.data
		if f.render {
			w := &boundedWriter{max: min(lim.MaxFileBytes, lim.MaxTotalBytes-total), clock: clock}
			if err := ahead.execute(w, i, p.tmpl, f.src, data); err != nil {
				if errors.Is(err, errStopped) {
					return nil, limitError(p, f.src, w, lim)
				}
				if msg := p.refusedBy(err); msg != "" {
					valueProblems, refused = appendNew(valueProblems, msg), true
					continue
				}
				errs = append(errs, templateError(err).Error())
				continue
			}
			content = w.buf.Bytes()
		}
		if total += int64(len(content)); total > lim.MaxTotalBytes {
			return nil, &PackError{Pack: p.Name, Problems: []string{fmt.Sprintf("%s: the pack renders more than %d bytes in all, the limit; nothing was written", f.src, lim.MaxTotalBytes)}}
		}
		if crlf {
			content = toCRLF(content)
		}
		if renamedFrom != "" {
			if renamedFrom, err = expandPath(renamedFrom, vals); err != nil {
				errs = append(errs, fmt.Sprintf("%s/pack.yaml: files %s: renamed_from: %v", p.Name, f.target, err))
				continue
			}
		}
		tree = append(tree, File{Path: target, Data: content, Mode: f.mode, Policy: policy, Component: f.component, RenamedFrom: renamedFrom, Aliases: aliases, Needs: needs})
	}
	if len(errs) > 0 {
		return nil, &PackError{Pack: p.Name, Problems: errs}
	}
	if len(valueProblems) > 0 {
		return nil, &ValuesError{Problems: valueProblems, Refused: refused}
	}
	slices.SortFunc(tree, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	for i := 1; i < len(tree); i++ {
		if tree[i].Path == tree[i-1].Path {
			return nil, &PackError{Pack: p.Name, Problems: []string{"two files render to " + tree[i].Path}}
		}
	}
	if a, b := caseCollision(tree); a != "" {
		return nil, &PackError{Pack: p.Name, Problems: []string{fmt.Sprintf("%s and %s differ only in case: they are one file on macOS and Windows", a, b)}}
	}
	if len(p.actions) > 0 {
		return p.applyActions(tree, data, vals, components, clock)
	}
	return tree, nil
}

// appendNew appends msg to list unless it is there already.
func appendNew(list []string, msg string) []string {
	if slices.Contains(list, msg) {
		return list
	}
	return append(list, msg)
}

// limitError says which limit stopped the render of src.
func limitError(p *Pack, src string, w *boundedWriter, lim Limits) error {
	msg := fmt.Sprintf("%s: rendering took longer than %s, the limit (a template that loops or expands without end?); nothing was written", src, lim.Timeout)
	if w.overflow {
		msg = fmt.Sprintf("%s: the rendered file is larger than %d bytes, the limit for one file (%d for the whole pack); nothing was written", src, lim.MaxFileBytes, lim.MaxTotalBytes)
	}
	return &PackError{Pack: p.Name, Problems: []string{msg}}
}

// expandPath replaces __Var__ tokens with values (a value may be a relative
// sub-path, such as a project folder) and checks the result stays inside the
// target root.
func expandPath(target string, vals Values) (string, error) {
	out := pathTokenRe.ReplaceAllStringFunc(target, func(tok string) string {
		return fmt.Sprint(vals[strings.Trim(tok, "_")])
	})
	if pathTokenRe.MatchString(target) {
		// A folder value of "." (a project at the root) gives "./x": clean it.
		// A value climbing out ("..") is still caught below.
		out = path.Clean(out)
	}
	if err := checkRelPath(out); err != nil {
		return "", err
	}
	if err := checkPortablePath(out); err != nil {
		return "", err
	}
	return out, nil
}

// pathValueProblem words a path that expandPath refused as the fault of the
// values in its __Var__ tokens (--set ProjectDir=../x), or returns "" when
// the path has no tokens and so the pack is at fault.
func pathValueProblem(target string, vals Values, err error) string {
	var given []string
	for _, m := range pathTokenRe.FindAllStringSubmatch(target, -1) {
		given = append(given, fmt.Sprintf("%s=%q", m[1], fmt.Sprint(vals[m[1]])))
	}
	if len(given) == 0 {
		return ""
	}
	var long *nameLenError
	if errors.As(err, &long) {
		return fmt.Sprintf("%s: %v", strings.Join(tokenNames(target), ", "), err)
	}
	return fmt.Sprintf("%s: %v; give a folder inside the target, outside .git", strings.Join(given, ", "), err)
}

// tokenNames lists the variables in target's __Var__ tokens.
func tokenNames(target string) []string {
	var names []string
	for _, m := range pathTokenRe.FindAllStringSubmatch(target, -1) {
		names = append(names, m[1])
	}
	return names
}

// checkRelPath accepts a clean, relative, slash-separated path that stays
// inside its root and does not touch .git.
func checkRelPath(p string) error {
	if strings.ContainsFunc(p, unicode.IsControl) || !utf8.ValidString(p) {
		return fmt.Errorf("path %q holds a control character or is not UTF-8", p)
	}
	if p == "" || path.IsAbs(p) || path.Clean(p) != p || p == ".." || strings.HasPrefix(p, "../") || strings.Contains(p, "\\") {
		return fmt.Errorf("path %q is not a clean relative path inside the target", p)
	}
	for _, seg := range strings.Split(p, "/") {
		if strings.EqualFold(seg, ".git") || seg == "" || seg == "." || seg == ".." {
			return fmt.Errorf("path %q is not allowed", p)
		}
		if len(seg) > MaxNameLen {
			return &nameLenError{seg: seg}
		}
	}
	return nil
}

// MaxNameLen is the longest file or folder name, in bytes, that file
// systems take (NAME_MAX on Linux and macOS; 255 UTF-16 units on Windows).
const MaxNameLen = 255

// nameLenError is a path with a name too long for a file system.
type nameLenError struct{ seg string }

func (e *nameLenError) Error() string {
	return fmt.Sprintf("the name %.40q... is %d bytes, more than the %d file systems take; give shorter values", e.seg, len(e.seg), MaxNameLen)
}

// DirFor renders the pack's dir template (default: the name) for vals: the
// folder init creates when --dir is not given.
func (p *Pack) DirFor(vals Values) (string, error) {
	if p.Dir == "" {
		return fmt.Sprint(vals["Name"]), nil
	}
	if p.dir == nil {
		return p.Dir, nil // plain text
	}
	s, err := p.execBounded(p.dir, templateData(vals, nil))
	if err != nil {
		return "", p.refused(err)
	}
	return s, nil
}

// toCRLF turns every bare "\n" into "\r\n".
func toCRLF(b []byte) []byte {
	b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n"))
}
