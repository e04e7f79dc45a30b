package cmd

import (
	"path/filepath"
	"regexp"
	"testing"
)

// TestE2EDotnet builds, tests and packs a generated dotnet project with the
// real SDK, then breaks the library and expects the generated build to fail.
func TestE2EDotnet(t *testing.T) {
	requireTools(t, "dotnet")
	dir := generateProject(t, "init", "Demo.Lib")
	out, err := runIn(t, dir, "./build.sh", "build", "test", "pack", "--build-number", "7")
	if err != nil {
		t.Fatalf("generated build failed: %v\n%s", err, out)
	}
	passed := countMatch(out, regexp.MustCompile(`Passed:\s+(\d+)`))
	if passed < 8 {
		t.Errorf("want at least 8 tests passed, got %d\n%s", passed, out)
	}
	mustExist(t, filepath.Join(dir, "artifacts", "Demo.Lib.0.1.0.7.nupkg"))

	breakFile(t, dir, "src/Demo.Lib/Slug.cs", "builder.Append('-');", "builder.Append('_');")
	if out, err := runIn(t, dir, "./build.sh"); err == nil {
		t.Fatalf("the build passed with a broken Slug:\n%s", out)
	}
}
