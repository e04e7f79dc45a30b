package dotnet

import (
	"path"
	"regexp"
	"strings"

	"github.com/ewilde/crane/generator/ecosystem/dotnet/msbuild"
)

// Project is what crane reads from one project file, evaluated with the
// files MSBuild imports around it (see package msbuild) for the generated
// CI's build: Release, on Linux.
type Project struct {
	// Name is the file's base name without its extension ("Acme.Widgets").
	Name string
	// Path is slash-separated and relative to the repository root.
	Path string
	// SDKStyle is true for a <Project Sdk="..."> file, false for the old
	// format Visual Studio wrote before 2017.
	SDKStyle bool
	// PackageID is the package's id: PackageId, else AssemblyName, else
	// Name; "" when the one that decides cannot be read.
	PackageID string
	// TargetFrameworks lists the frameworks the project targets on Linux, in
	// its order, as monikers ("net8.0", "netstandard2.0", "net48"): its
	// TargetFramework or TargetFrameworks, or (old style)
	// TargetFrameworkVersion.
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
	// License is the PackageLicenseExpression ("Apache-2.0"), LicenseFile
	// the PackageLicenseFile; empty when not set.
	License, LicenseFile string
	// Docs is true when the build writes the XML documentation file
	// (GenerateDocumentationFile, or an old-style DocumentationFile).
	Docs bool
	// Version is the version the project sets for itself.
	Version Version
	// Missing is true when the solution names the project but its file is
	// not there (or is outside the repository); nothing else is known then.
	Missing bool
	// eval is the evaluation, and files what it read, for what the package
	// needs beyond the fields (dependencies, frameworks on Windows); nil
	// when Missing.
	eval  *msbuild.Project
	files msbuild.Files
}

// Packable reports whether the project makes a package: a C# project that is
// not a test project and does not opt out.
func (p Project) Packable() bool {
	return !p.Test && !p.NotPackable && !p.Missing && strings.EqualFold(path.Ext(p.Path), ".csproj")
}

var testNameRe = regexp.MustCompile(`\.(Tests|UnitTests|IntegrationTests)$`)

// evalProject evaluates the project file rel.
func evalProject(files msbuild.Files, rel string) (Project, error) {
	name := strings.TrimSuffix(path.Base(rel), path.Ext(rel))
	p := Project{Name: name, Path: rel}
	m, err := msbuild.Evaluate(files, rel, msbuild.CI())
	if err != nil {
		return p, err
	}
	p.eval, p.files = m, files
	p.SDKStyle = m.SDKStyle
	p.PackageID = name
	for _, prop := range []string{"AssemblyName", "PackageId"} {
		switch v := m.Prop(prop); {
		case !v.Known() || len(v.Assumed) > 0:
			p.PackageID = ""
		case v.Set():
			p.PackageID = v.Trimmed()
		}
	}
	p.TargetFrameworks = frameworks(m)
	p.Test = testNameRe.MatchString(name) || references(m, "Microsoft.NET.Test.Sdk") || m.Prop("IsTestProject").Bool()
	p.NotPackable = m.Prop("IsPackable").Known() && m.Prop("IsPackable").Set() && !m.Prop("IsPackable").Bool()
	p.Docs = m.Prop("GenerateDocumentationFile").Bool() ||
		!m.Defined("GenerateDocumentationFile") && m.Prop("DocumentationFile").Set()
	p.Description = text(m, "Description")
	p.Authors = text(m, "Authors")
	p.RepositoryURL = text(m, "RepositoryUrl")
	p.License = text(m, "PackageLicenseExpression")
	p.LicenseFile = text(m, "PackageLicenseFile")
	p.Version = readVersion(m)
	return p, nil
}

// text is a property known with no assumption, trimmed; "" otherwise.
func text(m *msbuild.Project, name string) string {
	if v := m.Prop(name); v.Set() && len(v.Assumed) == 0 {
		return v.Trimmed()
	}
	return ""
}

// references reports whether a PackageReference or (old style) Reference
// includes the package or assembly id.
func references(m *msbuild.Project, id string) bool {
	for _, typ := range []string{"PackageReference", "GlobalPackageReference", "Reference"} {
		for _, it := range m.Items(typ) {
			inc, _, _ := strings.Cut(it.ID, ",")
			if strings.EqualFold(strings.TrimSpace(inc), id) {
				return true
			}
		}
	}
	return false
}

// frameworks reads TargetFramework, TargetFrameworks or (old style)
// TargetFrameworkVersion as monikers; none when the value is unknown.
func frameworks(m *msbuild.Project) []string {
	if tf := m.Prop("TargetFramework"); tf.Set() {
		return []string{tf.Trimmed()}
	}
	if tfs := m.Prop("TargetFrameworks"); tfs.Set() {
		return tfs.List()
	}
	if v := m.Prop("TargetFrameworkVersion"); v.Set() {
		return []string{"net" + strings.ReplaceAll(strings.TrimPrefix(strings.ToLower(v.Trimmed()), "v"), ".", "")}
	}
	return nil
}
