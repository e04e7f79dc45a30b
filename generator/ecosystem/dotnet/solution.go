package dotnet

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"strings"

	"github.com/ewilde/crane/generator/probe"
)

// Solution is a .sln or .slnx file's list of projects.
type Solution struct {
	// Format is "sln" or "slnx".
	Format string
	// Projects are the project files the solution names, in its order, as
	// written there but with slashes (relative to the solution's folder).
	// Solution folders and non-project entries (web sites) are left out.
	Projects []SolutionProject
}

// SolutionProject is one project entry of a solution.
type SolutionProject struct {
	Name string // as the solution names it ("" in a .slnx)
	Path string // slash-separated, relative to the solution's folder
}

// solutionFolderType is the project type GUID of a solution folder.
const solutionFolderType = "2150E333-8FDC-42A3-9474-1A3956D46DE8"

var (
	slnHeaderRe  = regexp.MustCompile(`(?m)^\s*Microsoft Visual Studio Solution File, Format Version (\d+)\.\d+\s*$`)
	slnProjectRe = regexp.MustCompile(`^\s*Project\(\s*"\{?([0-9A-Fa-f-]*)\}?"\s*\)\s*=\s*"([^"]*)"\s*,\s*"([^"]*)"`)
)

// projectExts are the project file extensions a solution entry must have to
// count as a project.
var projectExts = []string{".csproj", ".fsproj", ".vbproj"}

// ParseSln reads a Visual Studio solution file of any format version (7 to
// 12), with LF or CRLF line endings and with or without a BOM.
func ParseSln(data []byte) (*Solution, error) {
	data = bytes.TrimPrefix(data, probe.UTF8BOM)
	if !slnHeaderRe.Match(data) {
		return nil, errors.New(`not a solution file: no "Microsoft Visual Studio Solution File, Format Version" line`)
	}
	s := &Solution{Format: "sln"}
	for _, line := range strings.Split(string(data), "\n") {
		m := slnProjectRe.FindStringSubmatch(strings.TrimSuffix(line, "\r"))
		if m == nil || strings.EqualFold(m[1], solutionFolderType) {
			continue
		}
		if p, ok := projectPath(m[3]); ok {
			s.Projects = append(s.Projects, SolutionProject{Name: m[2], Path: p})
		}
	}
	return s, nil
}

// slnx is the XML solution format: projects at the top or in nested folders.
type slnx struct {
	XMLName  xml.Name      `xml:"Solution"`
	Projects []slnxProject `xml:"Project"`
	Folders  []slnxFolder  `xml:"Folder"`
}

type slnxFolder struct {
	Projects []slnxProject `xml:"Project"`
	Folders  []slnxFolder  `xml:"Folder"`
}

type slnxProject struct {
	Path string `xml:"Path,attr"`
}

// ParseSlnx reads an XML solution file (.slnx).
func ParseSlnx(data []byte) (*Solution, error) {
	var x slnx
	if err := decodeXML(data, &x); err != nil {
		return nil, fmt.Errorf("not a .slnx solution: %w", err)
	}
	s := &Solution{Format: "slnx"}
	var add func(ps []slnxProject, fs []slnxFolder)
	add = func(ps []slnxProject, fs []slnxFolder) {
		for _, p := range ps {
			if clean, ok := projectPath(p.Path); ok {
				s.Projects = append(s.Projects, SolutionProject{Path: clean})
			}
		}
		for _, f := range fs {
			add(f.Projects, f.Folders)
		}
	}
	add(x.Projects, x.Folders)
	return s, nil
}

// projectPath turns a solution's project path (backslashes, maybe "./")
// into a clean slash path, and reports whether it names a project file.
func projectPath(p string) (string, bool) {
	p = path.Clean(strings.ReplaceAll(strings.TrimSpace(p), `\`, "/"))
	ext := strings.ToLower(path.Ext(p))
	for _, e := range projectExts {
		if ext == e && !path.IsAbs(p) && !strings.Contains(p, ":") {
			return p, true
		}
	}
	return "", false
}

// decodeXML decodes an MSBuild or solution XML file leniently: a BOM is
// skipped, and a declared encoding is taken as UTF-8 (Visual Studio declares
// utf-8 or utf-16 but writes UTF-8 text).
func decodeXML(data []byte, v any) error {
	dec := xml.NewDecoder(bytes.NewReader(bytes.TrimPrefix(data, probe.UTF8BOM)))
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	dec.Strict = false
	return dec.Decode(v)
}
