package dotnet

import (
	"slices"

	"github.com/ewilde/crane/generator/ecosystem/dotnet/msbuild"
)

// Dependencies are the packages the project's package depends on, by
// target framework, as each inner build of dotnet pack evaluates its
// PackageReferences: private ones (PrivateAssets="all": analyzers,
// SourceLink, MinVer) left out. Nil for a missing project.
func (p Project) Dependencies() map[string][]msbuild.Dependency {
	if p.eval == nil {
		return nil
	}
	out := map[string][]msbuild.Dependency{}
	for _, tf := range p.TargetFrameworks {
		g := msbuild.CI()
		g["TargetFramework"] = tf
		m, err := msbuild.Evaluate(p.files, p.Path, g)
		if err != nil {
			continue
		}
		deps := []msbuild.Dependency{}
		for _, d := range m.Dependencies() {
			if !d.Private {
				deps = append(deps, d)
			}
		}
		out[tf] = deps
	}
	return out
}

// WindowsOnly are the frameworks the project targets when it builds on
// Windows but not on Linux (TargetFrameworks under a condition on $(OS)),
// in its order.
func (p Project) WindowsOnly() []string {
	if p.eval == nil {
		return nil
	}
	g := msbuild.CI()
	g["OS"] = "Windows_NT"
	m, err := msbuild.Evaluate(p.files, p.Path, g)
	if err != nil {
		return nil
	}
	var out []string
	for _, tf := range frameworks(m) {
		if !slices.Contains(p.TargetFrameworks, tf) {
			out = append(out, tf)
		}
	}
	return out
}

// frameworksUnknown says why the project's target frameworks cannot be
// read, "" when they can (or it sets none).
func (p Project) frameworksUnknown() string {
	if p.eval == nil {
		return ""
	}
	for _, name := range []string{"TargetFramework", "TargetFrameworks"} {
		if v := p.eval.Prop(name); !v.Known() {
			return name + ": " + v.Unknown
		}
	}
	return ""
}

// assumedFrameworks are the properties the frameworks were read assuming
// unset.
func (p Project) assumedFrameworks() []string {
	if p.eval == nil {
		return nil
	}
	return slices.Concat(p.eval.Prop("TargetFramework").Assumed, p.eval.Prop("TargetFrameworks").Assumed)
}
