package rust

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRustNameCheck(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{name: "kebab", in: "my-crate"},
		{name: "snake", in: "my_crate"},
		{name: "upper case", in: "MyCrate"},
		{name: "digits", in: "base64x"},
		{name: "64 characters", in: "a" + strings.Repeat("b", 63)},
		{name: "keyword with a dash is fine", in: "fn-utils"},
		{name: "empty", in: "", want: []string{"the name is empty"}},
		{name: "space", in: "My Crate", want: []string{`it contains " "; a crate name is ASCII letters, digits, - and _`}},
		{name: "non-ASCII", in: "crème", want: []string{`it contains "è"; a crate name is ASCII letters, digits, - and _`}},
		{name: "leading digit", in: "2fast", want: []string{"it does not start with an ASCII letter"}},
		{name: "leading dash", in: "-x", want: []string{"it does not start with an ASCII letter"}},
		{name: "leading underscore", in: "_x", want: []string{"it does not start with an ASCII letter"}},
		{name: "too long", in: "a" + strings.Repeat("b", 64), want: []string{"it is 65 characters long; the limit is 64"}},
		{name: "keyword", in: "fn", want: []string{`"fn" is a Rust keyword`}},
		{name: "keyword in capitals", in: "Fn", want: []string{`"fn" is a Rust keyword`}},
		{name: "reserved keyword", in: "gen", want: []string{`"gen" is a Rust keyword`}},
		{name: "std", in: "std", want: []string{`"std" is a standard library crate`}},
		{name: "proc-macro", in: "proc-macro", want: []string{`"proc_macro" is a standard library crate`}},
		{name: "cargo dir", in: "deps", want: []string{`"deps" is one of Cargo's build directory names`}},
		{name: "windows device", in: "nul", want: []string{"it is a name Windows reserves for a device"}},
		{name: "path", in: "a/b", want: []string{
			"it contains a path separator; give a name, and --dir for the folder",
			`it contains "/"; a crate name is ASCII letters, digits, - and _`,
		}},
		{name: "every problem at once", in: "../My Crate!", want: []string{
			`it contains ".."`,
			"it contains a path separator; give a name, and --dir for the folder",
			`it contains "./ !"; a crate name is ASCII letters, digits, - and _`,
			"it does not start with an ASCII letter",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, rustName{}.Check(tt.in)); diff != "" {
				t.Errorf("Check(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestRustNameSuggest(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{name: "spaces", in: "My Crate", want: "my-crate"},
		{name: "punctuation", in: "  Hello, World!! ", want: "hello-world"},
		{name: "leading digit", in: "2fast", want: "fast"},
		{name: "keyword", in: "fn", want: "fn-rs"},
		{name: "reserved", in: "std", want: "std-rs"},
		{name: "too long", in: strings.Repeat("ab ", 30), want: strings.Repeat("ab-", 21) + "a"},
		{name: "valid already", in: "my-crate", want: ""},
		{name: "nothing left", in: "123", want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, rustName{}.Suggest(tt.in)); diff != "" {
				t.Errorf("Suggest(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}
