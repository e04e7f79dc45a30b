package golang

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestGoNameCheck(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{name: "github", in: "github.com/acme/widget"},
		{name: "major suffix", in: "github.com/acme/widget/v2"},
		{name: "gopkg.in", in: "gopkg.in/yaml.v3"},
		{name: "upper case after the domain", in: "github.com/BurntSushi/toml"},
		{name: "dashes dots tildes", in: "example.com/go-widget_x~y.z"},
		{name: "empty", in: "", want: []string{"the name is empty"}},
		{name: "no domain", in: "widget", want: []string{
			`its first element "widget" is not a domain name: a module path starts with one, like example.com/widget or github.com/you/widget`,
		}},
		{name: "upper-case domain", in: "GitHub.com/acme/widget", want: []string{
			`its first element "GitHub.com" has upper-case letters; a domain name is lower-case: github.com`,
		}},
		{name: "dot dot", in: "example.com/../widget", want: []string{`it contains ".."`}},
		{name: "leading slash", in: "/example.com/widget", want: []string{
			"it is an absolute path; give a name, and --dir for the folder",
		}},
		{name: "bad characters", in: "example.com/my widget!", want: []string{
			`it contains " !"; a module path is ASCII letters, digits and - . _ ~ joined by /`,
		}},
		{name: "non-ASCII", in: "example.com/widgét", want: []string{
			`it contains "é"; a module path is ASCII letters, digits and - . _ ~ joined by /`,
		}},
		{name: "backslash", in: `example.com\widget`, want: []string{
			`it contains "\"; a module path separates its elements with "/"`,
			`it contains "\\"; a module path is ASCII letters, digits and - . _ ~ joined by /`,
		}},
		{name: "trailing slash and empty element", in: "example.com//widget/", want: []string{
			"it ends with a slash", "it has an empty element (//)",
		}},
		{name: "leading dash", in: "-example.com/widget", want: []string{"it starts with a dash"}},
		{name: "dotted elements", in: "example.com/.hidden/widget.", want: []string{
			`element ".hidden" starts with a dot`, `element "widget." ends with a dot`,
		}},
		{name: "windows device", in: "example.com/con.d", want: []string{
			`element "con.d" is a name Windows reserves for a device`,
		}},
		{name: "v1 suffix", in: "example.com/widget/v1", want: []string{
			"it ends in /v1; a major version suffix starts at /v2 (leave it off for v0 and v1)",
		}},
		{name: "every problem at once", in: "Widget/../a b", want: []string{
			`it contains ".."`,
			`it contains " "; a module path is ASCII letters, digits and - . _ ~ joined by /`,
			`its first element "Widget" is not a domain name: a module path starts with one, like example.com/Widget/../a b or github.com/you/Widget/../a b`,
		}},
		{name: "caught by module.CheckPath", in: "example.com/widget/v2.0", want: []string{
			`malformed module path "example.com/widget/v2.0": invalid version`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := goName{}.Check(tt.in)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Check(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestGoNameSuggest(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{name: "bare name", in: "widget", want: "example.com/widget"},
		{name: "spaces", in: "My Widget", want: "example.com/my-widget"},
		{name: "upper-case domain", in: "GitHub.com/Acme/widget", want: "github.com/Acme/widget"},
		{name: "slashes and dots", in: "/github.com//acme/../widget/", want: "github.com/acme/widget"},
		{name: "v1 suffix", in: "example.com/widget/v1", want: "example.com/widget"},
		{name: "valid already", in: "example.com/widget", want: ""},
		{name: "nothing left", in: "//", want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, goName{}.Suggest(tt.in)); diff != "" {
				t.Errorf("Suggest(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestGoPackageAndExecName(t *testing.T) {
	tests := []struct{ name, in, pkg, exec string }{
		{name: "plain", in: "github.com/acme/widget", pkg: "widget", exec: "widget"},
		{name: "go- prefix", in: "github.com/acme/go-widget", pkg: "widget", exec: "go-widget"},
		{name: "-go suffix", in: "github.com/acme/widget-go", pkg: "widget", exec: "widget-go"},
		{name: "major version", in: "github.com/acme/widget/v2", pkg: "widget", exec: "widget"},
		{name: "gopkg.in", in: "gopkg.in/yaml.v3", pkg: "yaml", exec: "yaml.v3"},
		{name: "dashes and case", in: "github.com/acme/My-Widget_Kit", pkg: "mywidgetkit", exec: "My-Widget_Kit"},
		{name: "keyword", in: "example.com/type", pkg: "typepkg", exec: "type"},
		{name: "main", in: "example.com/main", pkg: "mainpkg", exec: "main"},
		{name: "go itself", in: "example.com/go", pkg: "gopkg", exec: "go"},
		// The command imports these beside the module's package.
		{name: "fmt", in: "example.com/fmt", pkg: "fmtpkg", exec: "fmt"},
		{name: "strings", in: "example.com/strings", pkg: "stringspkg", exec: "strings"},
		{name: "runtime/debug", in: "github.com/acme/go-debug", pkg: "debugpkg", exec: "go-debug"},
		{name: "leading digit", in: "example.com/1password", pkg: "pkg1password", exec: "1password"},
		{name: "nothing usable", in: "example.com/~", pkg: "pkg", exec: "~"},
		{name: "domain only", in: "example.com", pkg: "examplecom", exec: "example.com"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.pkg, PackageName(tt.in)); diff != "" {
				t.Errorf("PackageName(%q) (-want +got):\n%s", tt.in, diff)
			}
			if diff := cmp.Diff(tt.exec, ExecName(tt.in)); diff != "" {
				t.Errorf("ExecName(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}
