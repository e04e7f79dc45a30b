package python

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ewilde/crane/internal/fixture"
)

// TestTestRequirements: a test requirements file is preferred to a
// development one, either to requirements.txt; a folder is not a file.
func TestTestRequirements(t *testing.T) {
	for _, c := range []struct {
		name, files string
		want        []string
	}{
		{"none", "-- pyproject.toml --\n", nil},
		{"requirements.txt only", "-- requirements.txt --\npytest\n", []string{"requirements.txt"}},
		{"dev over requirements.txt", "-- requirements.txt --\n-- requirements-dev.txt --\n", []string{"requirements-dev.txt"}},
		{"test over dev", "-- requirements/dev.txt --\n-- requirements/test.txt --\n-- requirements.txt --\n", []string{"requirements/test.txt"}},
		{"a folder named like one", "-- requirements-test.txt/x --\n", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := testRequirements(fixture.Dir(t, c.files))
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("testRequirements (-want +got):\n%s", diff)
			}
		})
	}
}
