package msbuild

import (
	"strconv"
	"strings"
)

// framework is a parsed target framework moniker.
type framework struct {
	id       string // .NETFramework, .NETCoreApp, .NETStandard
	version  []int  // 4.6.2 -> [4 6 2]
	platform string // "windows" in net8.0-windows
}

// parseFramework reads a short moniker: net462, netstandard2.0,
// netcoreapp3.1, net8.0, net8.0-windows. "" is the empty framework (ok, no
// identifier), as MSBuild treats an unset TargetFramework.
func parseFramework(tfm string) (framework, bool) {
	s := strings.ToLower(strings.TrimSpace(tfm))
	if s == "" {
		return framework{}, true
	}
	s, platform, _ := strings.Cut(s, "-")
	var f framework
	switch {
	case strings.HasPrefix(s, "netstandard"):
		f.id, s = ".NETStandard", strings.TrimPrefix(s, "netstandard")
	case strings.HasPrefix(s, "netcoreapp"):
		f.id, s = ".NETCoreApp", strings.TrimPrefix(s, "netcoreapp")
	case strings.HasPrefix(s, "net") && strings.Contains(s, "."):
		f.id, s = ".NETCoreApp", strings.TrimPrefix(s, "net")
	case strings.HasPrefix(s, "net"):
		// net462 is 4.6.2: one digit a part.
		f.id = ".NETFramework"
		digits := strings.TrimPrefix(s, "net")
		if digits == "" || len(digits) > 3 {
			return framework{}, false
		}
		var parts []string
		for _, c := range digits {
			parts = append(parts, string(c))
		}
		s = strings.Join(parts, ".")
	default:
		return framework{}, false
	}
	for _, p := range strings.Split(s, ".") {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return framework{}, false
		}
		f.version = append(f.version, n)
	}
	if f.id == ".NETCoreApp" && f.version[0] >= 5 {
		f.platform = platform
	}
	return f, true
}

// atLeast compares versions part by part, missing parts being 0.
func atLeast(v, min []int) bool {
	for i := 0; i < len(v) || i < len(min); i++ {
		a, b := 0, 0
		if i < len(v) {
			a = v[i]
		}
		if i < len(min) {
			b = min[i]
		}
		if a != b {
			return a > b
		}
	}
	return true
}

// netStandardOn gives, for each .NET Standard version (ascending), the
// lowest .NET Framework and .NET Core versions that implement it.
var netStandardOn = []struct{ standard, framework, core []int }{
	{[]int{1, 1}, []int{4, 5}, []int{1, 0}},
	{[]int{1, 2}, []int{4, 5, 1}, []int{1, 0}},
	{[]int{1, 3}, []int{4, 6}, []int{1, 0}},
	{[]int{1, 6}, []int{4, 6, 1}, []int{1, 0}},
	{[]int{2, 0}, []int{4, 6, 1}, []int{2, 0}},
	{[]int{2, 1}, nil, []int{3, 0}},
}

// frameworkCompatible is [MSBuild]::IsTargetFrameworkCompatible: whether a
// project targeting target can use something built for candidate. ok is
// false when a moniker cannot be read.
func frameworkCompatible(target, candidate string) (compatible, ok bool) {
	t, ok1 := parseFramework(target)
	c, ok2 := parseFramework(candidate)
	if !ok1 || !ok2 {
		return false, false
	}
	if t.id == "" || c.id == "" {
		return false, true
	}
	if c.platform != "" && c.platform != t.platform {
		return false, true
	}
	if t.id == c.id {
		return atLeast(t.version, c.version), true
	}
	if c.id != ".NETStandard" {
		return false, true
	}
	for _, row := range netStandardOn {
		if !atLeast(row.standard, c.version) {
			continue
		}
		switch t.id {
		case ".NETFramework":
			return row.framework != nil && atLeast(t.version, row.framework), true
		case ".NETCoreApp":
			return atLeast(t.version, row.core), true
		}
	}
	return false, true
}
