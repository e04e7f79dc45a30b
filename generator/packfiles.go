package generator

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"text/template/parse"
)

// loadFiles walks the component folders, derives each target name and parses
// every template into one set, so that partials (files starting with "_") can
// be called by their base name. Templates are parsed side by side (see
// parseAll) and added to the set in the walk's order, so that a later
// partial of the same name wins as before.
func (p *Pack) loadFiles(fsys fs.FS, dir string) []string {
	var problems []string
	for _, comp := range []string{ComponentProject, ComponentBuild} {
		root := path.Join(dir, comp)
		if _, err := fs.Stat(fsys, root); errors.Is(err, fs.ErrNotExist) {
			continue
		}
		var found []foundFile
		err := fs.WalkDir(fsys, root, func(src string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(fsys, src)
			if err != nil {
				return err
			}
			found = append(found, foundFile{src: src, rel: strings.TrimPrefix(src, root+"/"), data: data})
			return nil
		})
		p.parseAll(found)
		for _, ff := range found {
			problems = append(problems, p.addFile(comp, ff)...)
		}
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", root, err))
		}
	}
	if len(p.files) == 0 {
		problems = append(problems, dir+": the pack has no files under project/ or build/")
	}
	sort.Slice(p.files, func(i, j int) bool { return p.files[i].src < p.files[j].src })
	return problems
}

// foundFile is a file of a component folder as the walk found it, with its
// templates once parsed (see parseAll).
type foundFile struct {
	src, rel string
	data     []byte
	trees    map[string]*parse.Tree // nil: not a template, or it must be parsed by the set
}

// addFile adds the file ff of component comp to p: its templates into the
// set and, unless it is a partial, the file. It returns its problems.
func (p *Pack) addFile(comp string, ff foundFile) []string {
	src, rel := ff.src, ff.rel
	target, mode, render, partial := targetName(rel)
	if render {
		if err := p.addTemplates(ff); err != nil {
			return []string{templateError(err).Error()}
		}
	}
	if partial {
		return nil
	}
	var problems []string
	for _, m := range pathTokenRe.FindAllStringSubmatch(target, -1) {
		if v, ok := p.Variable(m[1]); !ok {
			problems = append(problems, fmt.Sprintf("%s: path token %s names no variable", src, m[0]))
		} else if v.Type == "list" {
			problems = append(problems, fmt.Sprintf("%s: path token %s names a list; a path takes one value", src, m[0]))
		}
	}
	if strings.ContainsAny(target, "{}") {
		problems = append(problems, fmt.Sprintf("%s: braces are not allowed in pack paths; use __Var__ tokens", src))
	}
	f := packFile{src: src, component: comp, target: target, mode: mode, render: render}
	if !render {
		f.data = ff.data
	}
	p.files = append(p.files, f)
	return problems
}

// targetName maps a pack file's path (below its component folder) to the
// file it renders. The last segment's suffix is read first, one at most:
// ".literal" is dropped and the file is copied byte for byte, whatever is
// left ("x.tmpl.literal" copies x.tmpl); otherwise ".tmpl" is dropped and
// the file is rendered ("x.literal.tmpl" renders x.literal). A last segment
// that then starts with one "_" (not "__") is a partial. Then each
// segment's prefixes, left to right: "executable_" (last segment only, may
// repeat) gives mode 0755; "literal_" takes the rest of the segment as it
// is, ending the prefixes; "dot_" gives a leading dot, once, ending them
// too. So every name is reachable: [executable_]literal_NAME.tmpl renders
// NAME and [executable_]literal_NAME.literal copies it, for any NAME
// ("literal__version.py.tmpl" renders _version.py, "literal_dot_x" is
// dot_x). __Var__ tokens are replaced in every segment, literal or not.
func targetName(rel string) (target string, mode fs.FileMode, render, partial bool) {
	segs := strings.Split(rel, "/")
	mode = 0o644
	last := len(segs) - 1
	base := segs[last]
	if b, ok := strings.CutSuffix(base, ".literal"); ok {
		base = b
	} else if b, ok := strings.CutSuffix(base, ".tmpl"); ok {
		render, base = true, b
	}
	partial = strings.HasPrefix(base, "_") && !strings.HasPrefix(base, "__")
	for {
		b, ok := strings.CutPrefix(base, "executable_")
		if !ok {
			break
		}
		mode, base = 0o755, b
	}
	segs[last] = base
	for i, s := range segs {
		if b, ok := strings.CutPrefix(s, "literal_"); ok {
			segs[i] = b
		} else if b, ok := strings.CutPrefix(s, "dot_"); ok {
			segs[i] = "." + b
		}
	}
	return strings.Join(segs, "/"), mode, render, partial
}

// TargetName is targetName for tools that read a pack's files (crane pack
// lint): the target path (tokens still in place), its mode, whether it is
// rendered and whether it is a partial.
func TargetName(rel string) (target string, mode fs.FileMode, render, partial bool) {
	return targetName(rel)
}
