package generator

import (
	"slices"
	"strings"
	"testing"
	"text/template"
)

// TestFuncMapIsHermetic proves no function that reads the environment, the
// clock, the network or a random source is reachable from a pack.
func TestFuncMapIsHermetic(t *testing.T) {
	names := FuncNames()
	for _, bad := range []string{"env", "expandenv", "now", "date", "randAlphaNum", "uuidv4", "getHostByName", "genPrivateKey", "shuffle", "bcrypt"} {
		if slices.Contains(names, bad) {
			t.Errorf("func map has %s", bad)
		}
	}
	for _, good := range []string{"upper", "trimPrefix", "pascal", "guid", "xml", "shq"} {
		if !slices.Contains(names, good) {
			t.Errorf("func map lacks %s", good)
		}
	}
}

func TestCraneFuncs(t *testing.T) {
	tests := []struct{ tmpl, want string }{
		{`{{ "my widget" | pascal }}`, "MyWidget"},
		{`{{ "MyWidget" | kebab }}`, "my-widget"},
		{`{{ "MyWidget" | snake }}`, "my_widget"},
		{`{{ xml "a<b & 'c'" }}`, "a&lt;b &amp; &#39;c&#39;"},
		{`{{ msbuild "$(X) 100%25 @(I) <&>" }}`, "%24(X) 100%2525 %40(I) &lt;&amp;&gt;"},
		{`{{ shq "plain/path" }}`, "plain/path"},
		{`{{ shq "it's here" }}`, `'it'\''s here'`},
		{`{{ shq "" }}`, "''"},
		{`{{ psq "it's" }}`, "'it''s'"},
		{`{{ guid "project" "Demo" }}`, DeriveGUID("project", "Demo")},
	}
	for _, tt := range tests {
		t.Run(tt.tmpl, func(t *testing.T) {
			var b strings.Builder
			if err := template.Must(newTemplate("t").Parse(tt.tmpl)).Execute(&b, nil); err != nil {
				t.Fatal(err)
			}
			if b.String() != tt.want {
				t.Errorf("got %q, want %q", b.String(), tt.want)
			}
		})
	}
}

func TestDeriveGUID(t *testing.T) {
	a, b := DeriveGUID("project", "Demo"), DeriveGUID("project", "Demo.Tests")
	if a == b {
		t.Fatal("different names gave the same GUID")
	}
	if a != DeriveGUID("project", "Demo") {
		t.Fatal("the same name gave two GUIDs")
	}
	if len(a) != 36 || a != strings.ToUpper(a) || a[14] != '5' {
		t.Errorf("%s is not an upper-case UUID v5", a)
	}
	if DeriveGUID("ab", "c") == DeriveGUID("a", "bc") {
		t.Error("parts are not separated")
	}
}
