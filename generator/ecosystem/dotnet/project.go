package dotnet

import (
	"encoding/xml"
	"path"
	"regexp"
	"strings"
)

// Project is what crane reads from one project file.
type Project struct {
	// Name is the file's base name without its extension ("Acme.Widgets").
	Name string
	// Path is slash-separated and relative to the repository root.
	Path string
	// SDKStyle is true for a <Project Sdk="..."> file, false for the old
	// format Visual Studio wrote before 2017.
	SDKStyle bool
	// TargetFrameworks lists the frameworks the project targets, in its
	// order, as monikers ("net8.0", "netstandard2.0", "net48"), taken from
	// the project or else from a Directory.Build.props above it.
	TargetFrameworks []string
	// Test is true for a test project: its name ends in .Tests, .UnitTests
	// or .IntegrationTests, it references Microsoft.NET.Test.Sdk, or it sets
	// IsTestProject.
	Test bool
	// NotPackable is true when the project sets IsPackable to false.
	NotPackable bool
	// Description, Authors and RepositoryURL are the package properties the
	// project sets, else those of the .nuspec beside it, if any.
	Description, Authors, RepositoryURL string
	// Docs is true when the build writes the XML documentation file
	// (GenerateDocumentationFile, or an old-style DocumentationFile), in the
	// project or else the nearest Directory.Build.props.
	Docs bool
	// Missing is true when the solution names the project but its file is
	// not there (or is outside the repository); nothing else is known then.
	Missing bool
}

// Packable reports whether the project makes a package: a C# project that is
// not a test project and does not opt out.
func (p Project) Packable() bool {
	return !p.Test && !p.NotPackable && !p.Missing && strings.EqualFold(path.Ext(p.Path), ".csproj")
}

// msbuild is the part of an MSBuild file (project or Directory.Build.props)
// crane reads.
type msbuild struct {
	XMLName        xml.Name   `xml:"Project"`
	Sdk            string     `xml:"Sdk,attr"`
	SdkElems       []struct{} `xml:"Sdk"`
	PropertyGroups []struct {
		Props []struct {
			XMLName xml.Name
			Value   string `xml:",chardata"`
		} `xml:",any"`
	} `xml:"PropertyGroup"`
	ItemGroups []struct {
		Items []struct {
			XMLName xml.Name
			Include string `xml:"Include,attr"`
		} `xml:",any"`
	} `xml:"ItemGroup"`
}

// prop returns the first non-empty value of a property that does not use
// another property ($(...)).
// docs reports whether m turns the XML documentation file on, and whether it
// says anything about it at all.
func (m *msbuild) docs() (on, set bool) {
	if v := m.prop("GenerateDocumentationFile"); v != "" {
		return strings.EqualFold(v, "true"), true
	}
	if m.prop("DocumentationFile") != "" {
		return true, true
	}
	return false, false
}

func (m *msbuild) prop(name string) string {
	for _, g := range m.PropertyGroups {
		for _, p := range g.Props {
			v := strings.TrimSpace(p.Value)
			if strings.EqualFold(p.XMLName.Local, name) && v != "" && !strings.Contains(v, "$(") {
				return v
			}
		}
	}
	return ""
}

// references reports whether an item (PackageReference, Reference) includes
// the package or assembly id.
func (m *msbuild) references(id string) bool {
	for _, g := range m.ItemGroups {
		for _, it := range g.Items {
			inc, _, _ := strings.Cut(it.Include, ",")
			if strings.EqualFold(strings.TrimSpace(inc), id) {
				return true
			}
		}
	}
	return false
}

// frameworks reads TargetFramework, TargetFrameworks or (old style)
// TargetFrameworkVersion as monikers.
func (m *msbuild) frameworks() []string {
	if tf := m.prop("TargetFramework"); tf != "" {
		return []string{tf}
	}
	if tfs := m.prop("TargetFrameworks"); tfs != "" {
		var out []string
		for _, tf := range strings.Split(tfs, ";") {
			if tf = strings.TrimSpace(tf); tf != "" {
				out = append(out, tf)
			}
		}
		return out
	}
	if v := m.prop("TargetFrameworkVersion"); v != "" {
		return []string{"net" + strings.ReplaceAll(strings.TrimPrefix(strings.ToLower(v), "v"), ".", "")}
	}
	return nil
}

var testNameRe = regexp.MustCompile(`\.(Tests|UnitTests|IntegrationTests)$`)

// parseProject reads a project file's bytes.
//
// docsSet reports whether the project itself says whether it writes XML
// documentation; when it does not, a Directory.Build.props may.
func parseProject(rel string, data []byte) (p Project, docsSet bool, err error) {
	name := strings.TrimSuffix(path.Base(rel), path.Ext(rel))
	p = Project{Name: name, Path: rel}
	var m msbuild
	if err := decodeXML(data, &m); err != nil {
		return p, false, err
	}
	p.SDKStyle = m.Sdk != "" || len(m.SdkElems) > 0
	p.TargetFrameworks = m.frameworks()
	p.Test = testNameRe.MatchString(name) || m.references("Microsoft.NET.Test.Sdk") ||
		strings.EqualFold(m.prop("IsTestProject"), "true")
	p.NotPackable = strings.EqualFold(m.prop("IsPackable"), "false")
	p.Docs, docsSet = m.docs()
	p.Description = m.prop("Description")
	p.Authors = m.prop("Authors")
	p.RepositoryURL = m.prop("RepositoryUrl")
	return p, docsSet, nil
}
