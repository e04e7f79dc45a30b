package cmd

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// cargoPassedRe reads one test binary's pass count from cargo test.
var cargoPassedRe = regexp.MustCompile(`test result: ok\. (\d+) passed`)

// TestE2ERust lints, builds, tests and packages a generated rust project with
// the real toolchain, offline, then breaks the library and expects the
// generated build to fail.
func TestE2ERust(t *testing.T) {
	if !findCargo(t) {
		t.Parallel()
	}
	requireTools(t, "cargo")
	dir := generateProject(t, "init", "Fast_Slug", "--pack", "rust")
	// A new integration test file as the Rust book writes one (no doc
	// comment) is picked up, and the lint (clippy -D warnings) accepts it.
	newTest := "#[test]\nfn new_file_is_picked_up() {\n    assert_eq!(fast_slug::slug(\"A b\"), \"a-b\");\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "crates", "Fast_Slug", "tests", "new.rs"), []byte(newTest), 0o644); err != nil {
		t.Fatal(err)
	}

	out, err := runIn(t, dir, "./build.sh", "lint", "build", "test", "package", "--build-number", "7", "--offline")
	if err != nil {
		t.Fatalf("generated build failed: %v\n%s", err, out)
	}
	if passed := sumMatches(out, cargoPassedRe); passed != 10 {
		t.Errorf("want 10 tests passed (3 unit, 5 integration, 2 doc), got %d\n%s", passed, out)
	}
	mustExist(t, filepath.Join(dir, "dist", "Fast_Slug-0.1.0+7.crate"))
	if data, err := os.ReadFile(filepath.Join(dir, "Cargo.toml")); err != nil || !strings.Contains(string(data), "\nversion = \"0.1.0+7\"\n") {
		t.Errorf("Cargo.toml does not have the version from VERSION and the build number (%v):\n%s", err, data)
	}

	breakFile(t, dir, "crates/Fast_Slug/src/lib.rs", "slug.push('-');", "slug.push('_');")
	out, err = runIn(t, dir, "./build.sh", "test", "--offline")
	if err == nil {
		t.Fatalf("the build passed with a broken slug:\n%s", out)
	}
	if !strings.Contains(out, "test result: FAILED") {
		t.Errorf("the build failed, but not in the tests:\n%s", out)
	}
}

// findCargo puts rustup's default bin folder ($CARGO_HOME/bin, else
// ~/.cargo/bin) on PATH when cargo is there but not on PATH, and reports
// whether it did: a test that sets the environment cannot run in parallel.
func findCargo(t *testing.T) bool {
	t.Helper()
	if _, err := exec.LookPath("cargo"); err == nil {
		return false
	}
	bin := os.Getenv("CARGO_HOME")
	if bin == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return false
		}
		bin = filepath.Join(home, ".cargo")
	}
	bin = filepath.Join(bin, "bin")
	if _, err := os.Stat(filepath.Join(bin, "cargo")); err != nil {
		return false
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	return true
}

// TestE2ERustClippyWarnings: with ClippyWarnings=deny (the default) a clippy
// warning in the user's code fails ./build.sh lint; with warn (what assemble
// sets for code whose own CI never ran clippy) the warning is shown and the
// lint passes.
func TestE2ERustClippyWarnings(t *testing.T) {
	requireTools(t, "cargo")
	if out, err := exec.Command("cargo", "clippy", "--version").CombinedOutput(); err != nil {
		t.Skipf("clippy is not installed (rustup component add clippy): %v\n%s", err, out)
	}
	// clippy::needless_return, a warn-by-default lint, in code of the user's.
	warned := "\n/// Doubles n.\npub fn double(n: u32) -> u32 {\n    return n * 2;\n}\n"
	for _, tt := range []struct {
		mode string
		fail bool
	}{{"deny", true}, {"warn", false}} {
		t.Run(tt.mode, func(t *testing.T) {
			dir := generateProject(t, "init", "warned", "--pack", "rust", "--set", "ClippyWarnings="+tt.mode)
			lib := filepath.Join(dir, "crates", "warned", "src", "lib.rs")
			data, err := os.ReadFile(lib)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(lib, append(data, warned...), 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := runIn(t, dir, "./build.sh", "lint", "--offline")
			if !strings.Contains(out, "needless_return") {
				t.Errorf("clippy did not report the needless return:\n%s", out)
			}
			if failed := err != nil; failed != tt.fail {
				t.Errorf("ClippyWarnings=%s: lint failed %v, want %v\n%s", tt.mode, failed, tt.fail, out)
			}
		})
	}
}
