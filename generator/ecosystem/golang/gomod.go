package golang

import (
	"fmt"
	"path"

	"golang.org/x/mod/modfile"

	"github.com/ewilde/crane/generator/probe"
)

// GoModule is a Go module or workspace at the root of a repository.
type GoModule struct {
	// Module is go.mod's module path ("" for a workspace without a go.mod).
	Module string
	// GoVersion is the go directive of go.mod, else of go.work.
	GoVersion string
	// Workspace lists go.work's use directives, "" when there is no go.work.
	Workspace []string
	// Mains are the module's main packages ("." or "./cmd/NAME"), and Main
	// the one the build stamps and releases ("" for a library module).
	Mains []string
	Main  string
}

// ReadGo reads the root's go.mod and go.work.
func ReadGo(r *probe.Repo) (*GoModule, error) {
	g := &GoModule{}
	if r.Has("go.mod") {
		data, err := probe.ReadInside(r.Root, "go.mod")
		if err != nil {
			return nil, err
		}
		f, err := modfile.ParseLax("go.mod", data, nil)
		if err != nil {
			return nil, err
		}
		if f.Module != nil {
			g.Module = f.Module.Mod.Path
		}
		if f.Go != nil {
			g.GoVersion = f.Go.Version
		}
	}
	if r.Has("go.work") {
		data, err := probe.ReadInside(r.Root, "go.work")
		if err != nil {
			return nil, err
		}
		w, err := modfile.ParseWork("go.work", data, nil)
		if err != nil {
			return nil, err
		}
		for _, u := range w.Use {
			g.Workspace = append(g.Workspace, u.Path)
		}
		if g.GoVersion == "" && w.Go != nil {
			g.GoVersion = w.Go.Version
		}
	}
	if r.Has("go.mod") {
		g.Mains = findMains(r.Root)
		g.Main = pickMain(g.Mains, g.Module)
	}
	return g, nil
}

// Summary is "module example.com/x, go 1.26" or "workspace of 3 modules".
func (g *GoModule) Summary() string {
	s := "module " + g.Module
	if g.Module == "" {
		s = fmt.Sprintf("workspace of %s", probe.Plural(len(g.Workspace), "module"))
	} else if len(g.Workspace) > 0 {
		s += fmt.Sprintf(", workspace of %s", probe.Plural(len(g.Workspace), "module"))
	}
	if g.GoVersion != "" {
		s += ", go " + g.GoVersion
	}
	if g.Module != "" {
		switch len(g.Mains) {
		case 0:
			s += ", a library (no main package)"
		case 1:
			s += ", command " + g.Main
		default:
			s += fmt.Sprintf(", %s; building %s", probe.Plural(len(g.Mains), "command"), g.Main)
		}
	}
	return s
}

// Values are the facts a go pack may take: Name and ModulePath (the module
// path), GoVersion, and Main and Command (the main package to build and its
// binary's name; Main is empty for a library). Assemble passes only those the
// pack declares.
func (g *GoModule) Values() map[string]string {
	v := map[string]string{}
	if g.Module != "" {
		v["Name"], v["ModulePath"] = g.Module, g.Module
		v["Main"] = g.Main
		if g.Main != "" && g.Main != "." && g.Main != "./" {
			v["Command"] = path.Base(g.Main)
		}
	}
	if g.GoVersion != "" {
		v["GoVersion"] = g.GoVersion
	}
	return v
}
