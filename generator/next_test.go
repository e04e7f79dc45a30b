package generator

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestNextSteps(t *testing.T) {
	tests := []struct {
		name, next, want, wantErr string
	}{
		{"none", "", "", ""},
		{"plain", "make test\n\n", "make test", ""},
		{"template", "pip install -e .   \n\n{{ .Cli }} --help\n", "pip install -e .\n\nacme --help", ""},
		{"only spaces", "{{ if false }}x{{ end }}\n", "", ""},
		{"fail", `{{ fail "no next for acme" }}`, "", "invalid values: no next for acme (a check of the mini pack; change the values)"},
		{"loop", "{{ range until 60000 }}{{ range until 60000 }}{{ end }}{{ end }}", "", "too large or takes too long to render"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := checksPack("")
			if tt.next != "" {
				editYAML(fsys, "name_rule: dotnet\n", "name_rule: dotnet\nnext: |-\n  "+strings.ReplaceAll(tt.next, "\n", "\n  ")+"\n")
			}
			p, err := LoadPack(fsys, "mini")
			if err != nil {
				t.Fatal(err)
			}
			p.Limits = Limits{MaxFileBytes: 1 << 20, MaxTotalBytes: 1 << 20, Timeout: 100 * time.Millisecond}
			vals, err := Resolve(p, map[string]string{"Name": "Acme"}, Facts{}, nil)
			if err != nil {
				t.Fatal(err)
			}
			got, err := p.NextSteps(vals)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("got %q, %v; want an error saying %q", got, err, tt.wantErr)
				}
				var ve *ValuesError
				if tt.name == "fail" && !errors.As(err, &ve) {
					t.Errorf("fail in next: got %T, want a *ValuesError", err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("NextSteps = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}
