package dotnet

import (
	"fmt"
	"slices"
	"strings"

	"github.com/ewilde/crane/generator/ecosystem"
	"github.com/ewilde/crane/generator/ecosystem/dotnet/msbuild"
	"github.com/ewilde/crane/generator/probe"
)

// Manifest choices: the package manifest the build packs from.
const (
	// ManifestProject packs the project (dotnet pack of the csproj, with the
	// metadata it and Directory.Build.props hold): SDK-style projects.
	ManifestProject = "project"
	// ManifestNuspec packs a .nuspec crane writes: old-style projects,
	// which cannot pack themselves.
	ManifestNuspec = "nuspec"
)

// packageFacts adds what the packed project says about its package to f:
// the manifest (PackageManifest), PackageId, License, the version VERSION
// starts at (InitialVersion, VersionProperty) and notes on its frameworks.
func packageFacts(f *ecosystem.Facts, r *probe.Repo, pack ecosystem.Pack, p *Project) {
	v := f.Values
	if p.PackageID != "" {
		v["PackageId"] = p.PackageID
	}
	unknownProps(f, p)
	if p.License != "" {
		v["License"] = p.License
	} else if !packsItself(pack, p) && pack.Declares("License") {
		what := "sets no license"
		if p.LicenseFile != "" {
			what = "licenses its package with the file " + p.LicenseFile
		}
		f.Note("%s %s; the nuspec crane writes has the License value, %s by default: give the SPDX expression with --set License=...",
			p.Path, what, pack.Default("License"))
	}
	if p.SDKStyle {
		v["PackageManifest"] = ManifestProject
	} else {
		v["PackageManifest"] = ManifestNuspec
	}
	if packsItself(pack, p) {
		f.Note("%s packs itself (dotnet pack): its package's id, version, license, frameworks, dependencies and files come from the project and the Directory.Build.props above it; crane writes no package manifest and changes none of them",
			p.Path)
	}
	versionFacts(f, r, p)
	frameworkNotes(f, p)
	if slices.Contains(r.Files, "global.json") && pack.Declares("GlobalJson") {
		f.Note("global.json pins the SDK that builds this repository: CI installs that SDK (setup-dotnet global-json-file) besides the runtime the tests run on")
	}
	if p.eval != nil {
		for _, u := range p.eval.Unknowns {
			f.Note("%s: %s", p.Path, u)
		}
	}
}

// packageProps are the package properties whose value crane reports when
// it cannot read it.
var packageProps = []string{"PackageId", "AssemblyName", "IsPackable", "Authors", "Description", "Copyright",
	"PackageLicenseExpression", "PackageLicenseFile", "RepositoryUrl", "GenerateDocumentationFile"}

// unknownProps notes the package properties of p that cannot be read.
func unknownProps(f *ecosystem.Facts, p *Project) {
	if p.eval == nil {
		return
	}
	for _, name := range packageProps {
		if v := p.eval.Prop(name); !v.Known() {
			f.Note("%s: crane cannot read %s statically (%s)", p.Path, name, v.Unknown)
		}
	}
}

// packsItself reports whether the build packs the project itself: an
// SDK-style project, and a pack that can build from it (one that declares
// PackageManifest; an older pack always writes a .nuspec).
func packsItself(pack ecosystem.Pack, p *Project) bool {
	return p.SDKStyle && pack.Declares("PackageManifest")
}

// versionFacts seeds VERSION from the project's own version. The build
// passes VERSION on the command line (-p:Version=...), so no file is
// rewritten: Drives stays empty.
func versionFacts(f *ecosystem.Facts, r *probe.Repo, p *Project) {
	pv := p.Version
	if pv.Tool != "" {
		f.Note("%s computes its version with %s when it builds; crane's build passes -p:Version from VERSION, which takes its place (give --set InitialVersion=X.Y.Z, your latest release, for VERSION to start there)", p.Path, pv.Tool)
	}
	switch {
	case pv.Property == "":
		seedFromTag(f, r)
		return
	case pv.Unknown != "":
		f.Note("the project's version (%s in %s) cannot be read: %s; VERSION starts at the pack's default unless you give --set InitialVersion=X.Y.Z",
			pv.Property, pv.File, pv.Unknown)
		return
	case pv.Value == "0.0.0" && r.VersionFile == "":
		// A placeholder that the release build replaces (Bogus' 0.0.0-localbuild).
		f.Note("%s's %s %s is a placeholder, not a release", pv.File, pv.Property, pv.Written)
		seedFromTag(f, r)
		return
	}
	f.Values["InitialVersion"] = pv.Value
	f.Values["VersionProperty"] = pv.Property
	if r.VersionFile == "VERSION" {
		return
	}
	f.VersionFrom = pv.File
	what := pv.Property
	if pv.Property == "Version" && pv.Value != pv.Written {
		what = "Version " + pv.Written + " without its suffix"
	}
	note := fmt.Sprintf("VERSION starts at %s, the %s in %s; the build passes VERSION to dotnet (-p:Version=...), so change VERSION from now on: %s is not rewritten",
		pv.Value, what, pv.File, pv.File)
	if pv.Suffix != "" {
		note += fmt.Sprintf("; its prerelease suffix %q is left out (-p:Version replaces Version, VersionPrefix and VersionSuffix)", pv.Suffix)
	}
	f.Note("%s", note)
}

// seedFromTag starts VERSION at the latest release tag when the project
// sets no version, or only the placeholder 0.0.0 (its releases are tagged,
// or a tool or the release build computes the version):
// else the pack's default would be guessed, and the packages the build makes
// would sort below the releases already out.
func seedFromTag(f *ecosystem.Facts, r *probe.Repo) {
	if r.VersionFile != "" {
		return
	}
	tag, err := latestReleaseTag(r.Root)
	if err != nil {
		f.Note("the project sets no version and crane could not read the git tags (%v); VERSION starts at the pack's default unless you give --set InitialVersion=X.Y.Z, your latest release", err)
		return
	}
	if tag == "" {
		f.Note("the project sets no version and no release tag (vX.Y.Z or X.Y.Z) was found; VERSION starts at the pack's default unless you give --set InitialVersion=X.Y.Z")
		return
	}
	v := strings.TrimPrefix(tag, "v")
	f.Values["InitialVersion"] = v
	f.VersionFrom = "git tag " + tag
	f.Note("VERSION starts at %s, the latest release tag %s (the project sets no release version); raise it before the next release: the build passes VERSION to dotnet (-p:Version=...)", v, tag)
}

// frameworkNotes say which frameworks the Linux CI builds, and which it
// cannot build or test there.
func frameworkNotes(f *ecosystem.Facts, p *Project) {
	if why := p.frameworksUnknown(); why != "" {
		f.Note("%s: the target frameworks cannot be read (%s); check the package the build makes", p.Path, why)
	}
	if a := p.assumedFrameworks(); len(a) > 0 {
		f.Note("%s targets %s when %s is not set, as in crane's build", p.Path, strings.Join(p.TargetFrameworks, ", "), strings.Join(a, ", "))
	}
	if w := p.WindowsOnly(); len(w) > 0 {
		f.Note("%s also targets %s on Windows only (a condition on $(OS)): the package crane's Linux CI packs leaves them out; pack on Windows to include them",
			p.Path, strings.Join(w, ", "))
	}
	var framework, windows []string
	for _, tf := range p.TargetFrameworks {
		switch {
		case isNetFramework(tf):
			framework = append(framework, tf)
		case strings.Contains(tf, "-windows"):
			windows = append(windows, tf)
		}
	}
	if len(framework) > 0 && p.SDKStyle {
		refs := "the SDK references Microsoft.NETFramework.ReferenceAssemblies for it"
		if v := p.eval.Prop("AutomaticallyUseReferenceAssemblyPackages"); v.Known() && v.Set() && !v.Bool() &&
			!references(p.eval, "Microsoft.NETFramework.ReferenceAssemblies") {
			refs = "but the project turns AutomaticallyUseReferenceAssemblyPackages off and references no Microsoft.NETFramework.ReferenceAssemblies, so the Linux build cannot compile it: reference that package"
		}
		f.Note("%s targets .NET Framework (%s): Linux builds and packs it when %s; its tests run only on Windows (or Mono)", p.Path, strings.Join(framework, ", "), refs)
	}
	if len(windows) > 0 && !boolProp(p.eval, "EnableWindowsTargeting") {
		f.Note("%s targets %s, which builds on Linux only with EnableWindowsTargeting set to true", p.Path, strings.Join(windows, ", "))
	}
}

func boolProp(m *msbuild.Project, name string) bool {
	v := m.Prop(name)
	return v.Known() && v.Bool()
}

// isNetFramework reports a .NET Framework moniker: net462, net48, net20.
func isNetFramework(tf string) bool {
	rest, ok := strings.CutPrefix(strings.ToLower(tf), "net")
	if !ok || rest == "" || strings.Contains(rest, ".") {
		return false
	}
	for _, c := range rest {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
