package python

import (
	"path"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/ewilde/crane/generator/probe"
)

// versionFile finds the Python file a dynamic [project] version is read
// from, the attribute that holds it and its value: setuptools' version =
// {attr = "pkg.mod.__version__"}, Hatch's [tool.hatch.version] path, PDM's
// [tool.pdm.version] source = "file", or flit's module __version__. A
// version from git tags (hatch-vcs, setuptools-scm, PDM's scm) has no file:
// it returns "" for all three.
func versionFile(r *probe.Repo, py *Python, md toml.MetaData, t toolTables) (file, attr, version string) {
	if md.IsDefined("tool", "setuptools_scm") || t.Hatch.Version.Source == "vcs" || t.PDM.Version.Source == "scm" || py.Tool == Poetry {
		return "", "", ""
	}
	var candidates []string
	attr = "__version__"
	switch {
	case t.Setuptools.Dynamic.Version.Attr != "":
		dotted := t.Setuptools.Dynamic.Version.Attr
		i := strings.LastIndex(dotted, ".")
		if i <= 0 {
			return "", "", ""
		}
		mod := strings.ReplaceAll(dotted[:i], ".", "/")
		attr = dotted[i+1:]
		candidates = moduleFiles(mod)
	case py.Tool == Hatch && t.Hatch.Version.Path != "":
		if t.Hatch.Version.Pattern != nil {
			return "", "", "" // Hatch reads what the user's pattern says, which crane does not write
		}
		candidates = []string{t.Hatch.Version.Path}
		attr = "" // Hatch's default pattern: __version__ or VERSION, whichever comes first
	case py.Tool == PDM && t.PDM.Version.Source == "file":
		candidates = []string{t.PDM.Version.Path}
	case py.Tool == Flit:
		mod := t.Flit.Module.Name
		if mod == "" {
			mod = PythonImportName(py.Name)
		}
		candidates = moduleFiles(strings.ReplaceAll(mod, ".", "/"))
	}
	for _, c := range candidates {
		c = path.Clean(strings.TrimPrefix(c, "./"))
		data, err := probe.ReadInside(r.Root, c)
		if err != nil {
			continue
		}
		a := attr
		if a == "" {
			a = hatchAttr(string(data))
		}
		if v := attrValue(string(data), a); v != "" {
			return c, a, v
		}
	}
	return "", "", ""
}

// hatchAttrRe finds the line Hatch's default version pattern reads: the
// first assignment to __version__ or VERSION at the start of a line.
var hatchAttrRe = regexp.MustCompile(`(?m)^(__version__|VERSION)[ \t]*(?::[ \t]*str[ \t]*)?=`)

// hatchAttr is the attribute Hatch's default pattern reads in src:
// __version__ or VERSION, whichever comes first ("__version__" when neither).
func hatchAttr(src string) string {
	if m := hatchAttrRe.FindStringSubmatch(src); m != nil {
		return m[1]
	}
	return "__version__"
}

// moduleFiles are the files a module (slash-separated) may be, in the src
// and flat layouts.
func moduleFiles(mod string) []string {
	var out []string
	for _, base := range []string{"src/", ""} {
		out = append(out, base+mod+".py", base+mod+"/__init__.py")
	}
	return out
}

// attrValue is the string a top-level assignment attr = "..." (or '...',
// or with a str annotation) in Python source gives, "" when there is none.
// build.sh rewrites the same line.
func attrValue(src, attr string) string {
	re := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(attr) + `[ \t]*(?::[ \t]*str[ \t]*)?=[ \t]*(?:"([^"\n]*)"|'([^'\n]*)')`)
	m := re.FindStringSubmatch(src)
	if m == nil {
		return ""
	}
	return m[1] + m[2]
}
