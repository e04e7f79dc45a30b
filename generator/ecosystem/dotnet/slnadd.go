package dotnet

import (
	"bytes"
	"errors"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/ewilde/crane/generator/probe"
)

// Project type GUIDs a .sln gives a project by its file's extension: the
// ones `dotnet sln add` writes (vs-solutionpersistence's built-in types
// with an extension). Visual Studio also writes the SDK-style C# type
// 9A19103F-16F7-4668-BE54-9A1E7A4F7556 ("Common C#"); AddSln uses the type
// the solution's other projects of the same extension already have, so a
// solution keeps one convention.
var projectTypes = map[string]string{
	".csproj": "FAE04EC0-301F-11D3-BF4B-00C04F79EFBC",
	".fsproj": "F2A71F9B-5D33-465A-A702-920D77279786",
	".vbproj": "F184B08F-C81C-45F6-A57F-5ABD9991F28F",
}

var slnEntryRe = regexp.MustCompile(`^\s*Project\(\s*"\{?([0-9A-Fa-f-]*)\}?"\s*\)\s*=\s*"([^"]*)"\s*,\s*"([^"]*)"\s*,\s*"\{?([0-9A-Fa-f-]*)\}?"`)

// slnEntry is one Project line of a .sln.
type slnEntry struct{ typ, name, path, guid string }

// slnFile is a .sln as lines, each without its "\n" (a "\r" stays, so an
// unchanged line keeps its bytes).
type slnFile struct {
	lines []string
	nl    string // "\r\n" or "\n", for the lines AddSln adds
}

// AddSln returns data, a .sln solution, with the project at project (a
// path relative to the solution's folder) added as `dotnet sln add` adds
// it: a Project block after the last one, a build of the project's Debug
// or Release (the solution configuration's name when it is one of those,
// else Debug) for Any CPU under every configuration and platform the
// solution has, and, with folder, the project nested in that solution
// folder (made when missing). The project's GUID is derived as the dotnet
// pack derives its own (DeriveGUID "project" NAME), as is a new folder's
// (DeriveGUID "folder" SOLUTION-NAME FOLDER), where NAME is the project
// file's name without its extension; solution is the solution's own name.
// The BOM, the line endings and every other line are kept; a solution
// that lists the project comes back unchanged.
func AddSln(data []byte, solution, project, folder string) ([]byte, error) {
	bom := bytes.HasPrefix(data, probe.UTF8BOM)
	body := bytes.TrimPrefix(data, probe.UTF8BOM)
	if !slnHeaderRe.Match(body) {
		return nil, errors.New(`not a .sln solution: no "Microsoft Visual Studio Solution File, Format Version" line`)
	}
	if strings.ContainsAny(project, "\"\r\n") || strings.ContainsAny(folder, "\"\r\n\\/") {
		return nil, errors.New("a project path or folder name in a .sln cannot hold a quote, a line break or, for a folder, a slash")
	}
	f := &slnFile{lines: strings.Split(string(body), "\n"), nl: "\n"}
	if bytes.Contains(body, []byte("\r\n")) {
		f.nl = "\r\n"
	}
	entries := f.entries()
	win := strings.ReplaceAll(project, "/", `\`)
	ext := strings.ToLower(path.Ext(project))
	typ := projectTypes[ext]
	guids := map[string]bool{}
	for _, e := range entries {
		guids[strings.ToUpper(e.guid)] = true
		if !strings.EqualFold(e.typ, solutionFolderType) && samePath(e.path, project) {
			return data, nil
		}
		if strings.EqualFold(path.Ext(strings.ReplaceAll(e.path, `\`, "/")), ext) && typ != "" {
			typ = strings.ToUpper(e.typ)
		}
	}
	if typ == "" {
		typ = projectTypes[".csproj"]
	}
	name := strings.TrimSuffix(path.Base(project), path.Ext(project))
	guid := DeriveGUID("project", name)
	if guids[guid] {
		guid = DeriveGUID("project", name, project)
	}
	var block []string
	folderGUID := ""
	if folder != "" {
		if i := slices.IndexFunc(entries, func(e slnEntry) bool {
			return strings.EqualFold(e.typ, solutionFolderType) && strings.EqualFold(e.name, folder)
		}); i >= 0 {
			folderGUID = strings.ToUpper(entries[i].guid)
		} else {
			folderGUID = DeriveGUID("folder", solution, folder)
			if guids[folderGUID] {
				folderGUID = DeriveGUID("folder", solution, folder, project)
			}
			block = append(block, `Project("{`+solutionFolderType+`}") = "`+folder+`", "`+folder+`", "{`+folderGUID+`}"`, "EndProject")
		}
	}
	block = append(block, `Project("{`+typ+`}") = "`+name+`", "`+win+`", "{`+guid+`}"`, "EndProject")

	// The Global sections first, below the Project blocks, so that the
	// place of the blocks stays where it was found.
	var builds []string
	for _, c := range f.sectionLines("SolutionConfigurationPlatforms") {
		key, _, ok := strings.Cut(strings.TrimSpace(c), "=")
		if !ok {
			continue
		}
		key = strings.TrimSpace(key)
		cfg, _, _ := strings.Cut(key, "|")
		projCfg := "Debug"
		if strings.EqualFold(cfg, "Release") {
			projCfg = "Release"
		}
		for _, kind := range []string{"ActiveCfg", "Build.0"} {
			builds = append(builds, "\t\t{"+guid+"}."+key+"."+kind+" = "+projCfg+"|Any CPU")
		}
	}
	if len(builds) > 0 {
		f.addToSection("ProjectConfigurationPlatforms", "postSolution", builds, "SolutionConfigurationPlatforms")
	}
	if folderGUID != "" {
		f.addToSection("NestedProjects", "preSolution", []string{"\t\t{" + guid + "} = {" + folderGUID + "}"},
			"SolutionProperties", "ProjectConfigurationPlatforms", "SolutionConfigurationPlatforms")
	}
	f.insert(f.projectsEnd(), block...)
	out := []byte(strings.Join(f.lines, "\n"))
	if bom {
		out = append(append([]byte{}, probe.UTF8BOM...), out...)
	}
	return out, nil
}

// entries are the solution's Project lines.
func (f *slnFile) entries() []slnEntry {
	var out []slnEntry
	for _, l := range f.lines {
		if m := slnEntryRe.FindStringSubmatch(l); m != nil {
			out = append(out, slnEntry{typ: m[1], name: m[2], path: m[3], guid: m[4]})
		}
	}
	return out
}

// trimmed is line i without its indent and "\r".
func (f *slnFile) trimmed(i int) string { return strings.TrimSpace(f.lines[i]) }

// global is the index of the "Global" line, -1 when there is none.
func (f *slnFile) global() int {
	return slices.IndexFunc(f.lines, func(l string) bool { return strings.TrimSpace(l) == "Global" })
}

// projectsEnd is where a new Project block goes: after the last EndProject
// before Global, else before Global, else at the end (before a last empty
// line).
func (f *slnFile) projectsEnd() int {
	g := f.global()
	if g < 0 {
		g = len(f.lines)
		if g > 0 && f.trimmed(g-1) == "" {
			g--
		}
	}
	for i := g - 1; i >= 0; i-- {
		if f.trimmed(i) == "EndProject" {
			return i + 1
		}
	}
	return g
}

// section returns the lines of GlobalSection(name): the index of its
// header and of its EndGlobalSection, or -1, -1.
func (f *slnFile) section(name string) (int, int) {
	head := "GlobalSection(" + name + ")"
	for i := range f.lines {
		if t := f.trimmed(i); strings.HasPrefix(t, head) {
			for j := i + 1; j < len(f.lines); j++ {
				switch f.trimmed(j) {
				case "EndGlobalSection":
					return i, j
				case "EndGlobal":
					return -1, -1
				}
			}
			return -1, -1
		}
	}
	return -1, -1
}

// sectionLines are the lines inside GlobalSection(name).
func (f *slnFile) sectionLines(name string) []string {
	i, j := f.section(name)
	if i < 0 {
		return nil
	}
	return f.lines[i+1 : j]
}

// addToSection appends lines to GlobalSection(name), made (with kind,
// preSolution or postSolution) after the first of after that the
// solution has, else at the end of Global (made too when missing).
func (f *slnFile) addToSection(name, kind string, lines []string, after ...string) {
	if _, j := f.section(name); j >= 0 {
		f.insert(j, lines...)
		return
	}
	sec := append(append([]string{"\tGlobalSection(" + name + ") = " + kind}, lines...), "\tEndGlobalSection")
	for _, a := range after {
		if _, j := f.section(a); j >= 0 {
			f.insert(j+1, sec...)
			return
		}
	}
	g := f.global()
	if g < 0 {
		end := len(f.lines)
		if end > 0 && f.trimmed(end-1) == "" {
			end--
		}
		f.insert(end, append(append([]string{"Global"}, sec...), "EndGlobal")...)
		return
	}
	for i := g + 1; i < len(f.lines); i++ {
		if f.trimmed(i) == "EndGlobal" {
			f.insert(i, sec...)
			return
		}
	}
	f.insert(len(f.lines), append(sec, "EndGlobal")...)
}

// insert puts lines (with the file's line ending) before line i.
func (f *slnFile) insert(i int, lines ...string) {
	cr := strings.TrimSuffix(f.nl, "\n")
	add := make([]string, len(lines))
	for k, l := range lines {
		add[k] = l + cr
	}
	if i == len(f.lines) && i > 0 {
		if f.lines[i-1] == "" {
			i-- // before the empty string after the last line ending
		} else {
			// The last line has no line ending: give it one, and keep the
			// file ending without one.
			f.lines[i-1] += cr
			add[len(add)-1] = lines[len(lines)-1]
		}
	}
	f.lines = slices.Insert(f.lines, i, add...)
}
