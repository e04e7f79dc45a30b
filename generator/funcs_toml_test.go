package generator

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestTomlString(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{name: "plain", in: "Ada Lovelace", want: `"Ada Lovelace"`},
		{name: "empty", in: "", want: `""`},
		{name: "email and ampersand", in: "Ada <ada@example.com> & co", want: `"Ada <ada@example.com> & co"`},
		{name: "quote and backslash", in: `O"Brien \ sons`, want: `"O\"Brien \\ sons"`},
		{name: "control characters", in: "a\tb\nc\rd\x01\x7f", want: `"a\tb\nc\rd\u0001\u007F"`},
		{name: "non-ASCII", in: "Crème 東京", want: `"Crème 東京"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tomlString(tt.in)); diff != "" {
				t.Errorf("tomlString(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}
