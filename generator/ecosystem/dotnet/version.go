package dotnet

import (
	"regexp"
	"strings"

	"github.com/ewilde/crane/generator/ecosystem/dotnet/msbuild"
)

// Version is the version a project sets for itself.
type Version struct {
	// Property is the property read: "Version" when the project sets it
	// (MSBuild then ignores VersionPrefix and VersionSuffix), else
	// "VersionPrefix"; "" when it sets neither.
	Property string
	// Value is the version without its suffix, as X.Y.Z (a two-part
	// version gets .0); "" when Unknown.
	Value string
	// Written is the property's value as the files give it, Suffix its
	// prerelease part (VersionSuffix, or what follows '-' in Version).
	Written, Suffix string
	// File is the file that sets it.
	File string
	// Unknown says why the version cannot be read ("" when it can, or when
	// the project sets none).
	Unknown string
	// Tool is a package that computes the version when the project builds
	// (MinVer, Nerdbank.GitVersioning, GitVersion.MsBuild), "" for none.
	Tool string
}

var versionTools = []string{"MinVer", "Nerdbank.GitVersioning", "GitVersion.MsBuild", "GitVersionTask"}

var semverCore = regexp.MustCompile(`^([0-9]+)\.([0-9]+)(\.[0-9]+)?$`)

// readVersion reads Version, else VersionPrefix (with VersionSuffix), as
// MSBuild composes them.
func readVersion(m *msbuild.Project) Version {
	var v Version
	for _, t := range versionTools {
		if references(m, t) {
			v.Tool = t
		}
	}
	val := m.Prop("Version")
	v.Property = "Version"
	if !m.Defined("Version") || val.Known() && val.Trimmed() == "" && len(val.Assumed) == 0 {
		val, v.Property = m.Prop("VersionPrefix"), "VersionPrefix"
		if !m.Defined("VersionPrefix") {
			return Version{Tool: v.Tool}
		}
		if s := m.Prop("VersionSuffix"); s.Known() {
			v.Suffix = s.Trimmed()
		}
	}
	v.File = m.SetIn(v.Property)
	switch {
	case !val.Known():
		v.Unknown = val.Unknown
		return v
	case len(val.Assumed) > 0:
		v.Unknown = "it is built from " + strings.Join(val.Assumed, ", ") + ", which no file crane read sets (does your build pass it?)"
		return v
	}
	v.Written = val.Trimmed()
	core, _, _ := strings.Cut(v.Written, "+") // build metadata
	if v.Property == "Version" {
		core, v.Suffix, _ = strings.Cut(core, "-")
	}
	g := semverCore.FindStringSubmatch(core)
	if g == nil {
		v.Unknown = "'" + v.Written + "' is not a version of the form X.Y.Z"
		return v
	}
	if g[3] == "" {
		g[3] = ".0"
	}
	v.Value = g[1] + "." + g[2] + g[3]
	return v
}
