package msbuild

import (
	"path"
	"strings"
)

// notBeforeProject are properties the .NET SDK does not set before the
// project's own files are read, and the generated build does not pass:
// unset, they are empty, not assumed.
var notBeforeProject = map[string]bool{
	"targetframework": true, "targetframeworks": true, "version": true, "versionprefix": true,
	"versionsuffix": true, "packageversion": true, "packageid": true, "assemblyname": true,
	"authors": true, "description": true, "ispackable": true, "istestproject": true,
	"packagelicenseexpression": true, "packagelicensefile": true, "repositoryurl": true,
	"copyright": true, "packagetags": true, "managepackageversionscentrally": true,
}

// lookup is a property's value where it is read: a global property, one
// MSBuild reserves, one a file read set, or else empty (assumed, unless the
// files declare it under a condition that does not hold, or it is one the
// SDK leaves unset until after the project).
func (e *evaluator) lookup(name string) Value {
	lower := strings.ToLower(name)
	if v, ok := e.global[lower]; ok {
		return Value{Text: v}
	}
	if v, ok := e.reserved(lower); ok {
		return Value{Text: v}
	}
	if p, ok := e.p.props[lower]; ok {
		return p.val
	}
	switch {
	case lower == "os":
		return Value{Text: "Unix"}
	case lower == "msbuildruntimetype":
		return Value{Text: "Core"}
	case isEnvironment(name):
		return unknown("$(" + name + "), an environment variable, which differs from build to build")
	case strings.HasPrefix(lower, "msbuild") || strings.HasPrefix(lower, "netcore") ||
		strings.HasPrefix(lower, "nuget") || strings.HasPrefix(lower, "bundled"):
		return unknown("$(" + name + "), which the .NET SDK sets")
	case e.declared[lower] || notBeforeProject[lower]:
		return Value{}
	}
	return Value{}.assume(name)
}

// isEnvironment reports whether a name is written like an environment
// variable (CI, GITHUB_ACTIONS, BUILD_NUMBER): MSBuild reads those as
// properties, and they differ between a developer's build and CI.
func isEnvironment(name string) bool {
	upper := false
	for _, c := range name {
		switch {
		case c >= 'A' && c <= 'Z':
			upper = true
		case c == '_' || c >= '0' && c <= '9':
		default:
			return false
		}
	}
	return upper && len(name) > 1
}

// reserved are MSBuild's reserved properties of the file and the project
// being read. Paths are absolute in the evaluator's form: the repository
// root is "/".
func (e *evaluator) reserved(lower string) (string, bool) {
	file, proj := e.file, e.project
	switch lower {
	case "msbuildthisfiledirectory":
		return abs(path.Dir(file)), true
	case "msbuildthisfile":
		return path.Base(file), true
	case "msbuildthisfilename":
		return strings.TrimSuffix(path.Base(file), path.Ext(file)), true
	case "msbuildthisfileextension":
		return path.Ext(file), true
	case "msbuildthisfilefullpath":
		return "/" + file, true
	case "msbuildprojectdirectory":
		return strings.TrimSuffix(abs(path.Dir(proj)), "/"), true
	case "msbuildprojectname":
		return strings.TrimSuffix(path.Base(proj), path.Ext(proj)), true
	case "msbuildprojectfile":
		return path.Base(proj), true
	case "msbuildprojectextension":
		return path.Ext(proj), true
	case "msbuildprojectfullpath":
		return "/" + proj, true
	}
	return "", false
}

func (e *evaluator) thisDir() string { return abs(path.Dir(e.file)) }
