package generator

import (
	"bytes"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// Adopt fits tree, the build component rendered for the existing repository
// at root, to what the repository already says (DESIGN.md, "assemble: the
// repository's truth first"), and returns the tree to plan and notes saying
// what was left out and why. first is the plan of tree, which tells the files
// crane adds; repo is the git repository holding root (nil when none); old is
// root's lock file (nil when none).
//
//   - A file that needs another (a CI workflow running build.sh) is not
//     created when that one is the user's.
//   - .gitattributes gets only lines for the files crane adds, and none that
//     contradict the user's attributes (narrowAttributes).
//   - .gitignore gets no line the user has by meaning and none that hides a
//     tracked file (filterIgnore).
//
// A lines file left with nothing to add and not yet there is not created.
func Adopt(root string, tree Tree, first *Plan, repo *GitRepo, old *Lock) (Tree, []string, error) {
	kinds := map[string]Kind{}
	for _, a := range first.Actions {
		kinds[a.Path] = a.Kind
	}
	owned := func(f File) bool {
		_, was := old.File(f.Path)
		return f.Policy != PolicyLines && (kinds[f.Path] == KindCreate || was)
	}
	byPath := map[string]File{}
	for _, f := range tree {
		byPath[f.Path] = f
	}
	var notes []string
	var out Tree
	for _, f := range tree {
		if kinds[f.Path] != KindCreate {
			out = append(out, f)
			continue
		}
		if i := slices.IndexFunc(f.Needs, func(n string) bool { nf, ok := byPath[n]; return ok && !owned(nf) }); i >= 0 {
			notes = append(notes, fmt.Sprintf("%s is yours, not crane's: crane does not write %s, which would run ./%s with crane's tasks; call your build from your own CI",
				f.Needs[i], f.Path, f.Needs[i]))
			continue
		}
		out = append(out, f)
	}
	var mine []string
	for _, f := range out {
		if owned(f) {
			mine = append(mine, f.Path)
		}
	}
	wtRoot, base := root, ""
	if repo != nil {
		rel, err := repoRel(repo.Root, root)
		if err != nil {
			return nil, nil, err
		}
		wtRoot = repo.Root
		if rel != "." {
			base = filepath.ToSlash(rel)
		}
	}
	tree, out = out, nil
	for _, f := range tree {
		if f.Policy != PolicyLines {
			out = append(out, f)
			continue
		}
		here, err := readOptional(filepath.Join(root, filepath.FromSlash(f.Path)))
		if err != nil {
			return nil, nil, err
		}
		user := withoutBlock(here)
		var more []string
		switch path.Base(f.Path) {
		case ".gitattributes":
			dir := path.Dir(f.Path)
			var rels []string
			for _, p := range mine {
				if rel, ok := strings.CutPrefix(p, strings.TrimPrefix(dir+"/", "./")); ok {
					rels = append(rels, rel)
				}
			}
			files, err := userAttrFiles(wtRoot, path.Join(base, f.Path), user, mine, base, repo)
			if err != nil {
				return nil, nil, err
			}
			f.Data, more = narrowAttributes(f.Data, path.Join(base, dir), rels, files)
		case ".gitignore":
			var tracked []string
			if repo != nil {
				if tracked, err = repo.Tracked(filepath.Join(root, filepath.FromSlash(path.Dir(f.Path)))); err != nil {
					return nil, nil, err
				}
			}
			f.Data, more = filterIgnore(f.Data, user, tracked)
		}
		notes = append(notes, more...)
		if kinds[f.Path] == KindCreate && !hasLines(f.Data) {
			continue
		}
		out = append(out, f)
	}
	return out, notes, nil
}

// userAttrFiles reads the gitattributes files that apply to the files crane
// adds (mine, relative to root, which is base from the work tree's root
// wtRoot): every .gitattributes from the work tree's root down to each file's
// folder, shallower first, then $GIT_DIR/info/attributes, which wins over
// them all. The one crane merges into (at self) is given without crane's
// block, as user.
func userAttrFiles(wtRoot, self string, user []byte, mine []string, base string, repo *GitRepo) ([]attrFile, error) {
	dirs := map[string]bool{"": true}
	for _, p := range mine {
		for d := path.Dir(path.Join(base, p)); d != "." && d != "/"; d = path.Dir(d) {
			dirs[d] = true
		}
	}
	order := make([]string, 0, len(dirs))
	for d := range dirs {
		order = append(order, d)
	}
	depth := func(d string) int {
		if d == "" {
			return 0
		}
		return strings.Count(d, "/") + 1
	}
	slices.SortFunc(order, func(a, b string) int {
		if c := depth(a) - depth(b); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	var files []attrFile
	for _, d := range order {
		p := path.Join(d, ".gitattributes")
		data := user
		if p != self {
			var err error
			if data, err = readOptional(filepath.Join(wtRoot, filepath.FromSlash(p))); err != nil {
				return nil, err
			}
		}
		files = append(files, attrFile{dir: d, data: data})
	}
	if repo != nil {
		files = append(files, attrFile{data: repo.InfoAttributes()})
	}
	return files, nil
}

// readOptional reads a file, nil when it is not there or not a regular file.
func readOptional(p string) ([]byte, error) {
	info, err := os.Lstat(p)
	if err != nil || !info.Mode().IsRegular() {
		return nil, nil
	}
	return os.ReadFile(p)
}

// hasLines reports whether b has a line that is neither blank nor a comment.
func hasLines(b []byte) bool {
	for _, l := range splitKeep(b) {
		if t := strings.TrimSpace(trimEOL(l)); t != "" && !strings.HasPrefix(t, "#") {
			return true
		}
	}
	return false
}

// withoutBlock is a lines file without crane's block: the user's lines.
func withoutBlock(b []byte) []byte {
	lines := splitKeep(b)
	begin, end := findBlock(lines)
	if begin < 0 {
		return b
	}
	var out bytes.Buffer
	for i, l := range lines {
		if i < begin || i > end {
			out.WriteString(l)
		}
	}
	return out.Bytes()
}
