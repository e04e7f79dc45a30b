package lazyre

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRegexpMatchesAsCompiled(t *testing.T) {
	r := New(`__([A-Z][a-z]*)__`)
	if r.String() != `__([A-Z][a-z]*)__` {
		t.Errorf("String() = %q", r.String())
	}
	if !r.MatchString("a/__Name__.go") || r.MatchString("__init__.py") {
		t.Errorf("MatchString: want a match for __Name__ only")
	}
	if diff := cmp.Diff([]string{"__Name__", "Name"}, r.FindStringSubmatch("x__Name__")); diff != "" {
		t.Errorf("FindStringSubmatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([][]string{{"__A__", "A"}, {"__Bc__", "Bc"}}, r.FindAllStringSubmatch("__A__/__Bc__", -1)); diff != "" {
		t.Errorf("FindAllStringSubmatch (-want +got):\n%s", diff)
	}
	if got := r.ReplaceAllString("__A__/__B__", "x"); got != "x/x" {
		t.Errorf("ReplaceAllString = %q", got)
	}
	if got := r.ReplaceAllStringFunc("__A__", func(s string) string { return s[2:3] }); got != "A" {
		t.Errorf("ReplaceAllStringFunc = %q", got)
	}
	first, second := r.Regexp(), r.Regexp()
	if first != second {
		t.Errorf("Regexp() compiled twice")
	}
}

func TestRegexpPanicsOnFirstUseOfABadExpression(t *testing.T) {
	r := New(`(`) // New itself must not compile it
	defer func() {
		if recover() == nil {
			t.Errorf("a bad expression did not panic on first use")
		}
	}()
	r.MatchString("x")
}
