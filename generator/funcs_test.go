package generator

import (
	"slices"
	"strings"
	"testing"
	"text/template"

	"github.com/google/go-cmp/cmp"
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
		{`{{ psquote "it's" }}`, "'it''s'"},
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

// TestPSQuote: every character that closes a PowerShell single-quoted string
// (the apostrophe and the curly quotes U+2018 to U+201B) is doubled, and
// nothing else is touched: $, backticks and double quotes mean nothing there.
func TestPSQuote(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", "", "''"},
		{"plain", "src/Acme.Widgets", "'src/Acme.Widgets'"},
		{"apostrophe", "O'Brien", "'O''Brien'"},
		{"left single quote U+2018", "a\u2018b", "'a\u2018\u2018b'"},
		{"right single quote U+2019", "O\u2019Brien", "'O\u2019\u2019Brien'"},
		{"low-9 quote U+201A", "\u201ax", "'\u201a\u201ax'"},
		{"reversed-9 quote U+201B", "x\u201b", "'x\u201b\u201b'"},
		{"a run of quotes", "'\u2019'", "'''\u2019\u2019'''"},
		{"nothing expands", "$env:HOME `n \"$(x)\"", "'$env:HOME `n \"$(x)\"'"},
		{"double curly quotes are not single quotes", "\u201cx\u201d", "'\u201cx\u201d'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			tmpl := template.Must(newTemplate("t").Parse(`{{ psquote .V }}`))
			if err := tmpl.Execute(&b, map[string]string{"V": tt.in}); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, b.String()); diff != "" {
				t.Errorf("psquote %q (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}
