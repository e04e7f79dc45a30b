package golang

import (
	"go/parser"
	"go/token"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// findMains returns the main packages of a module rooted at root, as "./"
// paths: the root itself when it is package main, and each cmd/NAME folder
// that is. Test files do not count.
func findMains(root string) []string {
	var mains []string
	if isMainPackage(root) {
		mains = append(mains, ".")
	}
	entries, _ := os.ReadDir(filepath.Join(root, "cmd"))
	for _, e := range entries {
		if e.IsDir() && isMainPackage(filepath.Join(root, "cmd", e.Name())) {
			mains = append(mains, "./cmd/"+e.Name())
		}
	}
	sort.Strings(mains[min(len(mains), 1):])
	return mains
}

// isMainPackage reports whether dir holds a non-test Go file of package main.
func isMainPackage(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(dir, name), nil, parser.PackageClauseOnly)
		if err == nil && f.Name.Name == "main" {
			return true
		}
	}
	return false
}

// pickMain chooses the main package to build: the one named like the
// module's last element, else the root, else the first; "" when none.
func pickMain(mains []string, module string) string {
	want := "./cmd/" + path.Base(module)
	for _, m := range mains {
		if m == want {
			return m
		}
	}
	if len(mains) > 0 {
		return mains[0]
	}
	return ""
}
