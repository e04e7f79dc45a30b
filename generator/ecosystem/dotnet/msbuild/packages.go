package msbuild

import "strings"

// Dependency is a package the project references.
type Dependency struct {
	ID string
	// Version is the version range the package depends on: the
	// PackageReference's, or with central package management its
	// VersionOverride, else Directory.Packages.props' PackageVersion.
	Version Value
	// Private is true for PrivateAssets="all": a build-time tool (an
	// analyzer, SourceLink, MinVer) that the package does not depend on.
	Private bool
	// Unknown says why crane cannot tell whether the reference is there.
	Unknown string
}

// Dependencies are the project's PackageReferences (GlobalPackageReferences
// included, which are private), with their versions resolved.
func (p *Project) Dependencies() []Dependency {
	central := p.Prop("ManagePackageVersionsCentrally")
	versions := map[string]Value{}
	for _, v := range p.Items("PackageVersion") {
		versions[strings.ToLower(v.ID)] = meta(v, "version")
	}
	var out []Dependency
	for _, typ := range []string{"PackageReference", "GlobalPackageReference"} {
		for _, r := range p.Items(typ) {
			d := Dependency{ID: r.ID, Unknown: r.Unknown, Version: meta(r, "version")}
			private := meta(r, "privateassets")
			d.Private = typ == "GlobalPackageReference" || strings.EqualFold(private.Trimmed(), "all")
			if central.Known() && central.Bool() {
				d.Version = meta(r, "versionoverride")
				if !d.Version.Set() {
					d.Version = versions[strings.ToLower(r.ID)]
				}
			} else if !central.Known() && !d.Version.Set() {
				d.Version = unknown("ManagePackageVersionsCentrally is " + central.Unknown)
			}
			out = append(out, d)
		}
	}
	return out
}

func meta(it Item, name string) Value {
	v, ok := it.Meta[name]
	if !ok {
		return Value{}
	}
	return v
}
