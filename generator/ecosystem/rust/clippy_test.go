package rust

import (
	"strings"
	"testing"
)

func TestRunsClippy(t *testing.T) {
	for _, tt := range []struct {
		name, workflow string
		want           bool
	}{
		{"a clippy step", "steps:\n  - run: cargo clippy --tests -- -Dclippy::all\n", true},
		{"a clippy component", "with:\n  components: clippy\n", true},
		{"a commented-out job", "jobs:\n  # clippy:\n  #   - run: cargo clippy\n", false},
		{"a trailing comment", "  - run: cargo test # clippy later\n", false},
		{"no clippy", "  - run: cargo fmt --all --check\n", false},
	} {
		if got := runsClippy([]byte(tt.workflow)); got != tt.want {
			t.Errorf("%s: runsClippy = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestConfiguresClippy(t *testing.T) {
	for _, tt := range []struct {
		name, manifest string
		want           bool
	}{
		{"a lints.clippy table", "[package]\nname = \"a\"\n\n[lints.clippy]\npedantic = \"warn\"\n", true},
		{"a workspace table", "[workspace.lints.clippy]\nall = \"deny\"\n", true},
		{"a dotted key under lints", "[lints]\nclippy.all = \"warn\"\n", true},
		{"rust lints only", "[lints.rust]\nunsafe_code = \"forbid\"\n", false},
		{"a dependency named like it", "[dependencies]\nclippy_utils = \"1\"\n", false},
		{"nothing", "[package]\nname = \"a\"\n", false},
	} {
		if got := configuresClippy([]byte(tt.manifest)); got != tt.want {
			t.Errorf("%s: configuresClippy = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestClippyEvidence: assemble sets ClippyWarnings=warn, with a note saying
// why, exactly when nothing in the repository runs or configures clippy.
func TestClippyEvidence(t *testing.T) {
	const crate = "-- Cargo.toml --\n[package]\nname = \"a\"\nversion = \"1.0.0\"\n"
	for _, tt := range []struct {
		name, files string
		warn        string // a phrase of the note; "" means deny (no note)
	}{
		{"no CI at all (byteorder)", "", "nothing in this repository runs clippy"},
		{"workflows without clippy (bytes)", "-- .github/workflows/ci.yml --\njobs:\n  test:\n    steps:\n      - run: cargo test\n", "your workflows do not run clippy"},
		{"a workflow runs it", "-- .github/workflows/ci.yml --\n      - run: cargo clippy -- -D warnings\n", ""},
		{"a clippy.toml", "-- clippy.toml --\nmsrv = \"1.70\"\n", ""},
		{"a Makefile runs it", "-- Makefile --\nlint:\n\tcargo clippy --all-targets\n", ""},
		{"a justfile mentions it only in a comment", "-- justfile --\n# clippy some day\ntest:\n    cargo test\n", "nothing in this repository runs clippy"},
		{"GitLab CI runs it", "-- .gitlab-ci.yml --\nlint:\n  script: cargo clippy\n", ""},
		{"lints table in Cargo.toml", "\n[lints.clippy]\nall = \"warn\"\n", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f, err := facts(t, crate+tt.files, nil) // files may also extend Cargo.toml
			if err != nil {
				t.Fatal(err)
			}
			note := strings.Join(f.Notes, "\n")
			switch {
			case tt.warn == "" && f.Values["ClippyWarnings"] != "":
				t.Errorf("ClippyWarnings = %q, want unset (deny): %s", f.Values["ClippyWarnings"], note)
			case tt.warn != "" && (f.Values["ClippyWarnings"] != "warn" || !strings.Contains(note, tt.warn)):
				t.Errorf("ClippyWarnings = %q, notes %q; want warn and a note saying %q", f.Values["ClippyWarnings"], note, tt.warn)
			}
		})
	}
}
