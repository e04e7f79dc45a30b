package dotnet

import (
	"path"
	"slices"
	"strconv"

	"github.com/ewilde/crane/generator/probe"
)

// Values are the dotnet pack's build variables as the repository has them:
// Name (the packed project), SolutionFile, SolutionFormat, ProjectDir,
// TargetFramework (the project's first), PackageDocs (whether the build
// writes the XML documentation the nuspec packs), PackageReadme (the README found, or
// empty) and, when the project sets them, Description, Author and
// RepositoryUrl, and GlobalJson, whether the root has a global.json (the SDK
// CI installs). Facts adds what the package needs (packageFacts); a crane
// 0.x VERSION.txt is read by assemble itself. A fact crane did not find
// is left out, so the pack's default applies.
func (d *Dotnet) Values(r *probe.Repo) map[string]string {
	v := map[string]string{
		"SolutionFile":   d.Solution,
		"SolutionFormat": d.Format,
		"PackageReadme":  r.Readme,
	}
	// A repository that pins its SDK: CI must install that one.
	v["GlobalJson"] = strconv.FormatBool(slices.Contains(r.Files, "global.json"))
	p := d.Package
	if p == nil {
		return v
	}
	v["Name"] = p.Name
	v["ProjectDir"] = path.Dir(p.Path)
	v["PackageDocs"] = strconv.FormatBool(p.Docs)
	if len(p.TargetFrameworks) > 0 {
		v["TargetFramework"] = p.TargetFrameworks[0]
	}
	set := func(k, val string) {
		if val != "" {
			v[k] = val
		}
	}
	set("Description", p.Description)
	set("Author", p.Authors)
	set("RepositoryUrl", p.RepositoryURL)
	return v
}
