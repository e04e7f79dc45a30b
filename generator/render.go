package generator

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
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

// Render renders the files of the given components of p with vals. It does no
// IO: the pack is already in memory. Paths have their __Var__ tokens replaced;
// a path that would leave the target root is an error.
func Render(p *Pack, vals Values, components ...string) (Tree, error) {
	data := templateData(vals, nil)
	var tree Tree
	var errs, valueProblems []string
	for _, f := range p.files {
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
				holds, err := r.holds(data)
				if err != nil {
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
				if !slices.Contains(valueProblems, msg) {
					valueProblems = append(valueProblems, msg)
				}
			} else {
				errs = append(errs, fmt.Sprintf("%s: %v", f.src, err))
			}
			continue
		}
		content := f.data
		if f.render {
			var b bytes.Buffer
			if err := p.tmpl.ExecuteTemplate(&b, f.src, data); err != nil {
				errs = append(errs, templateError(err).Error())
				continue
			}
			content = b.Bytes()
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
		return nil, &ValuesError{Problems: valueProblems}
	}
	slices.SortFunc(tree, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	for i := 1; i < len(tree); i++ {
		if tree[i].Path == tree[i-1].Path {
			return nil, &PackError{Pack: p.Name, Problems: []string{"two files render to " + tree[i].Path}}
		}
	}
	return tree, nil
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
	return fmt.Sprintf("%s: %v; give a folder inside the target, outside .git", strings.Join(given, ", "), err)
}

// checkRelPath accepts a clean, relative, slash-separated path that stays
// inside its root and does not touch .git.
func checkRelPath(p string) error {
	if p == "" || path.IsAbs(p) || path.Clean(p) != p || p == ".." || strings.HasPrefix(p, "../") || strings.Contains(p, "\\") {
		return fmt.Errorf("path %q is not a clean relative path inside the target", p)
	}
	for _, seg := range strings.Split(p, "/") {
		if strings.EqualFold(seg, ".git") || seg == "" || seg == "." || seg == ".." {
			return fmt.Errorf("path %q is not allowed", p)
		}
	}
	return nil
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
	var b strings.Builder
	if err := p.dir.Execute(&b, templateData(vals, nil)); err != nil {
		return "", templateError(err)
	}
	return b.String(), nil
}

// toCRLF turns every bare "\n" into "\r\n".
func toCRLF(b []byte) []byte {
	b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n"))
}
