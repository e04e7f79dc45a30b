package generator

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestResolve(t *testing.T) {
	p, err := LoadPack(minimalPack(), "mini")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		given    map[string]string
		ask      Prompter
		want     Values
		problems []string
	}{
		{"defaults", map[string]string{"Name": "Acme"}, nil, Values{"Name": "Acme", "Flavour": "plain", "Year": "2026"}, nil},
		{"set wins", map[string]string{"Name": "Acme", "Flavour": "fancy"}, nil, Values{"Name": "Acme", "Flavour": "fancy", "Year": "2026"}, nil},
		{"asked when missing", nil, func(v Variable) (string, error) { return "Asked", nil }, Values{"Name": "Asked", "Flavour": "plain", "Year": "2026"}, nil},
		{"all problems at once", map[string]string{"Name": "my-app", "Flavour": "odd", "Colour": "red", "Year": "26"}, nil, nil, []string{
			"unknown variable Colour; the mini pack has: Name, Flavour, Year",
			`name "my-app": it contains "-"; a .NET name is identifiers (letters, digits, _) joined by dots`,
			"did you mean MyApp?",
			`Flavour: "odd" is not one of plain, fancy`,
			`Year: "26" is not a four-digit year (e.g. 2026); give another with --set Year=...`,
		}},
		{"missing without a terminal", nil, nil, nil, []string{
			"missing value for Name (name): the name; give it with --set Name=...",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Resolve(p, tt.given, Facts{}, tt.ask)
			var ve *ValuesError
			if errors.As(err, &ve) {
				if diff := cmp.Diff(tt.problems, ve.Problems); diff != "" {
					t.Errorf("problems (-want +got):\n%s", diff)
				}
				return
			}
			if err != nil || tt.problems != nil {
				t.Fatalf("err %v, want problems %v", err, tt.problems)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("values (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDefaultsSeeFacts(t *testing.T) {
	p, err := LoadPack(minimalPack(), "mini")
	if err != nil {
		t.Fatal(err)
	}
	p.Variables = append(p.Variables, Variable{Name: "Author", Type: "string", Default: "{{ .Facts.Author }} ({{ .Facts.Year }})", Help: "x"})
	got, err := Resolve(p, map[string]string{"Name": "Acme"}, Facts{Author: "Ada", Year: 2031}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got["Author"] != "Ada (2031)" {
		t.Errorf("Author = %q", got["Author"])
	}
	if rec := p.Recorded(got); rec["Author"] != "Ada (2031)" {
		t.Errorf("the lock does not record the author: %v", rec)
	}
}

func TestRecordedOmitsDefaultsMarkedSo(t *testing.T) {
	p, err := LoadPack(minimalPack(), "mini")
	if err != nil {
		t.Fatal(err)
	}
	p.Variables = append(p.Variables,
		Variable{Name: "Dirs", Type: "string", Default: "src", OmitDefault: true, Help: "x"},
		Variable{Name: "Seed", Type: "string", Default: "0.1.0", OmitDefault: true, Help: "x"})
	got, err := Resolve(p, map[string]string{"Name": "Acme", "Seed": "2.0.0"}, Facts{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := Values{"Name": "Acme", "Flavour": "plain", "Year": "2026", "Seed": "2.0.0"}
	if diff := cmp.Diff(want, p.Recorded(got)); diff != "" {
		t.Errorf("Recorded (-want +got):\n%s", diff)
	}
}

// TestComputedPatternProblem: a computed value that breaks its pattern says
// to change the values it follows from, not to --set it (which is refused).
func TestComputedPatternProblem(t *testing.T) {
	p, err := LoadPack(minimalPack(), "mini")
	if err != nil {
		t.Fatal(err)
	}
	p.Variables = append(p.Variables, Variable{Name: "Slug", Type: "string", Computed: true, Default: "{{ lower .Name }}",
		Pattern: "^[a-z]{10,}$", PatternHelp: "ten or more letters", Help: "x"})
	_, err = Resolve(p, map[string]string{"Name": "Acme"}, Facts{}, nil)
	var ve *ValuesError
	if !errors.As(err, &ve) {
		t.Fatalf("err %v, want a ValuesError", err)
	}
	want := []string{`Slug: "acme", computed from the other values, is not ten or more letters; change the values it follows from (crane packs mini shows how it is computed)`}
	if diff := cmp.Diff(want, ve.Problems); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
