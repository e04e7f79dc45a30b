package update

import (
	"errors"
	"testing"

	"github.com/ewilde/crane/generator"
)

// TestPinnedLoadVersion: the lock's version is the base, never the pack
// now, even when both have the same version (a folder edited in place).
func TestPinnedLoadVersion(t *testing.T) {
	base := &generator.Pack{Manifest: generator.Manifest{Name: "co", Version: "1.0.0"}}
	same := &generator.Pack{Manifest: generator.Manifest{Name: "co", Version: "1.0.0"}}
	next := &generator.Pack{Manifest: generator.Manifest{Name: "co", Version: "2.0.0"}}
	tests := []struct {
		name    string
		pinned  Pinned
		version string
		want    *generator.Pack // nil: not kept
	}{
		{"base", Pinned{BaseVersion: "1.0.0", Base: base, Current: next}, "1.0.0", base},
		{"current", Pinned{BaseVersion: "1.0.0", Base: base, Current: next}, "2.0.0", next},
		{"same version: the base", Pinned{BaseVersion: "1.0.0", Base: base, Current: same}, "1.0.0", base},
		{"no base, same version: not the pack now", Pinned{BaseVersion: "1.0.0", Current: same}, "1.0.0", nil},
		{"no base", Pinned{BaseVersion: "1.0.0", Current: next}, "1.0.0", nil},
		{"another version", Pinned{BaseVersion: "1.0.0", Base: base, Current: next}, "1.5.0", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.pinned.LoadVersion("co", tt.version)
			var nk *generator.NotKeptError
			if tt.want == nil {
				if !errors.As(err, &nk) {
					t.Fatalf("got %v, %v; want a NotKeptError", got, err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("got %p, %v; want %p", got, err, tt.want)
			}
		})
	}
}
