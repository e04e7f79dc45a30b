package generator

import "testing"

func TestExpandPath(t *testing.T) {
	for _, tt := range []struct {
		target string
		vals   Values
		want   string // "" for an error
	}{
		{"__ProjectDir__/__Name__.nuspec", Values{"ProjectDir": "src/A", "Name": "A"}, "src/A/A.nuspec"},
		{"__ProjectDir__/__Name__.nuspec", Values{"ProjectDir": ".", "Name": "A"}, "A.nuspec"},
		{"__ProjectDir__/__Name__.nuspec", Values{"ProjectDir": "./src/A/", "Name": "A"}, "src/A/A.nuspec"},
		{"__ProjectDir__/x", Values{"ProjectDir": "src/../.."}, ""},
		{"__ProjectDir__/x", Values{"ProjectDir": ".git/hooks"}, ""},
		{"__ProjectDir__/x", Values{"ProjectDir": "/etc"}, ""},
	} {
		got, err := expandPath(tt.target, tt.vals)
		if (err != nil) != (tt.want == "") || got != tt.want && tt.want != "" {
			t.Errorf("expandPath(%q, %v) = %q, %v; want %q", tt.target, tt.vals, got, err, tt.want)
		}
	}
}
