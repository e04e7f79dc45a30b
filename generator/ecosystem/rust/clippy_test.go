package rust

import "testing"

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
