package golang

import (
	"bytes"
	"go/format"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/ewilde/crane/generator/probe"
)

// maxGofmtFiles bounds how many Go files unformatted reads.
const maxGofmtFiles = 2000

// unformatted lists (slash-separated, relative to root, in walk order) the
// module's Go files that gofmt would change: those the go pack's lint checks,
// so not testdata/, vendor/ or folders starting with "." or "_". A file that
// does not parse is left to the build to report; at most maxGofmtFiles are
// read.
func unformatted(root string) []string {
	var out []string
	seen := 0
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		name := d.Name()
		if d.IsDir() {
			if p != root && (name == "testdata" || name == "vendor" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() || !strings.HasSuffix(name, ".go") {
			return nil
		}
		if seen++; seen > maxGofmtFiles {
			return fs.SkipAll
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return nil
		}
		rel = filepath.ToSlash(rel)
		src, err := probe.ReadInside(root, rel)
		if err != nil {
			return nil
		}
		if got, err := format.Source(src); err == nil && !bytes.Equal(got, src) {
			out = append(out, rel)
		}
		return nil
	})
	return out
}
