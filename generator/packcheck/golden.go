package packcheck

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/diff"
	"github.com/rogpeppe/go-internal/txtar"

	"github.com/ewilde/crane/generator"
	"github.com/ewilde/crane/generator/packsrc"
)

// A golden tree is a txtar archive: "-- out/PATH --" sections hold the
// rendered files, "-- modes --" lists those that are not 0644. txtar holds
// text that ends in a newline; a file that does not is listed in
// "-- encoding --" as "no-final-newline PATH" (stored with a newline
// added), and one that is not text (not UTF-8, a NUL, or a line txtar
// would read as a section marker) as "base64 PATH" (stored in base64).
// The encoding section is written only when a file needs it, so trees of
// plain text files are what they always were.
const (
	encodingSection = "encoding"
	encBase64       = "base64"
	encNoFinalNL    = "no-final-newline"
)

// treeFiles gives a tree in crane's golden form: "out/PATH" -> content,
// and "modes" listing the files that are not 0644.
func treeFiles(tree generator.Tree) map[string]string {
	got := map[string]string{}
	var modes []string
	for _, f := range tree {
		got["out/"+f.Path] = string(f.Data)
		if f.Mode != 0o644 {
			modes = append(modes, fmt.Sprintf("%04o %s\n", f.Mode, f.Path))
		}
	}
	sort.Strings(modes)
	got["modes"] = strings.Join(modes, "")
	return got
}

// isText reports whether data is text a txtar section can hold once it
// ends in a newline: UTF-8, no NUL, no line that reads as a marker.
func isText(data []byte) bool {
	return utf8.Valid(data) && bytes.IndexByte(data, 0) < 0 && !txtar.NeedsQuote(append(data[:len(data):len(data)], '\n'))
}

// encodeFile returns how a file is kept in the golden tree: its section's
// data and its encoding ("" for plain text).
func encodeFile(data []byte) ([]byte, string) {
	switch {
	case !isText(data):
		enc := base64.StdEncoding.EncodeToString(data)
		var b strings.Builder
		for len(enc) > 76 {
			b.WriteString(enc[:76] + "\n")
			enc = enc[76:]
		}
		if enc != "" {
			b.WriteString(enc + "\n")
		}
		return []byte(b.String()), encBase64
	case len(data) > 0 && data[len(data)-1] != '\n':
		return append(data[:len(data):len(data)], '\n'), encNoFinalNL
	}
	return data, ""
}

// decodeFile undoes encodeFile.
func decodeFile(data []byte, enc string) ([]byte, error) {
	switch enc {
	case encBase64:
		return base64.StdEncoding.DecodeString(strings.ReplaceAll(string(data), "\n", ""))
	case encNoFinalNL:
		return bytes.TrimSuffix(data, []byte("\n")), nil
	}
	return data, nil
}

func writeGolden(file string, tc generator.PackTest, got map[string]string) error {
	keys := make([]string, 0, len(tc.Values))
	for k := range tc.Values {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	comment := "crane pack test: " + tc.Name
	for _, k := range keys {
		comment += fmt.Sprintf(" %s=%q", k, tc.Values[k])
	}
	ar := &txtar.Archive{Comment: []byte(comment + "\n")}
	var encodings []string
	for _, n := range sortedKeys(got) {
		data := []byte(got[n])
		if rel, ok := strings.CutPrefix(n, "out/"); ok {
			var enc string
			if data, enc = encodeFile(data); enc != "" {
				encodings = append(encodings, enc+" "+rel+"\n")
			}
		}
		ar.Files = append(ar.Files, txtar.File{Name: n, Data: data})
	}
	if len(encodings) > 0 {
		ar.Files = append(ar.Files, txtar.File{Name: encodingSection, Data: []byte(strings.Join(encodings, ""))})
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return fmt.Errorf("cannot write the golden tree: %w", err)
	}
	return os.WriteFile(file, txtar.Format(ar), 0o644)
}

// readGolden reads a golden tree back into the form treeFiles gives.
func readGolden(ar *txtar.Archive) (map[string]string, error) {
	encs := map[string]string{}
	for _, f := range ar.Files {
		if f.Name != encodingSection {
			continue
		}
		for _, line := range strings.Split(strings.TrimSpace(string(f.Data)), "\n") {
			enc, rel, ok := strings.Cut(line, " ")
			if !ok || (enc != encBase64 && enc != encNoFinalNL) {
				return nil, fmt.Errorf("encoding: %q is not \"%s PATH\" or \"%s PATH\"", line, encBase64, encNoFinalNL)
			}
			encs["out/"+rel] = enc
		}
	}
	want := map[string]string{}
	for _, f := range ar.Files {
		if f.Name == encodingSection {
			continue
		}
		data, err := decodeFile(f.Data, encs[f.Name])
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", f.Name, encs[f.Name], err)
		}
		want[f.Name] = string(data)
	}
	return want, nil
}

// goldens are where a pack's golden trees are: its folder's testdata/,
// which --update writes, or, for a pack from git or a built-in one, the
// testdata/ among the files crane read of it.
type goldens struct {
	dir  string           // the pack's folder; "" for a pack not in one
	snap packsrc.Snapshot // the files of a pack not in a folder
}

// compare compares the example name's rendering got with its golden tree.
func (g goldens) compare(name string, got map[string]string) []string {
	rel := "testdata/" + name + ".txtar"
	if g.dir != "" {
		return compareGolden(filepath.Join(g.dir, filepath.FromSlash(rel)), got)
	}
	data, ok := g.snap.Files[rel]
	if !ok {
		return []string{fmt.Sprintf("no golden tree %s in the pack; run crane pack test --update in a folder holding the pack (a clone of its repository) to write it", rel)}
	}
	return compareArchive(txtar.Parse(data), rel, got)
}

func compareGolden(file string, got map[string]string) []string {
	ar, err := txtar.ParseFile(file)
	if errors.Is(err, fs.ErrNotExist) {
		return []string{fmt.Sprintf("no golden tree %s; run crane pack test --update to write it", filepath.ToSlash(file))}
	}
	if err != nil {
		return []string{fmt.Sprintf("%s: cannot be read (%v); run crane pack test --update to rewrite it", filepath.ToSlash(file), err)}
	}
	return compareArchive(ar, filepath.ToSlash(file), got)
}

// compareArchive compares got with the golden tree ar, read from where.
func compareArchive(ar *txtar.Archive, where string, got map[string]string) []string {
	want, err := readGolden(ar)
	if err != nil {
		return []string{fmt.Sprintf("%s: cannot be read (%v); run crane pack test --update to rewrite it", where, err)}
	}
	var problems []string
	for _, name := range sortedKeys(want) {
		g, ok := got[name]
		switch {
		case !ok:
			problems = append(problems, fmt.Sprintf("%s is in the golden tree but not rendered", name))
		case g == want[name]:
		case !isText([]byte(g)) || !isText([]byte(want[name])):
			problems = append(problems, fmt.Sprintf("%s differs from the golden tree: binary content, %d bytes in the golden tree and %d rendered (run crane pack test --update if it is intended)", name, len(want[name]), len(g)))
		default:
			problems = append(problems, fmt.Sprintf("%s differs from the golden tree (-want +got):\n%s", name, diff.Diff("want/"+name, []byte(want[name]), "got/"+name, []byte(g))))
		}
	}
	for _, name := range sortedKeys(got) {
		if _, ok := want[name]; !ok {
			problems = append(problems, fmt.Sprintf("%s is rendered but not in the golden tree (run crane pack test --update if it is intended)", name))
		}
	}
	return problems
}
