package generator

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// manyFiles is a pack of n templates (one in seven verbatim, one partial
// called by all), with when conditions that hold and that do not, a CRLF
// rule and paths with tokens: everything Render's loop decides per file.
func manyFiles(n int, body func(i int) string) map[string]string {
	files := map[string]string{"project/_part.tmpl": `{{ define "part" }}[{{ .Name }}]{{ end }}`}
	for i := range n {
		name := fmt.Sprintf("project/d%d/__Dir__/f%03d", i%4, i)
		switch {
		case i%7 == 3:
			files[name+".txt"] = fmt.Sprintf("verbatim %d {{ .Name }}\n", i)
		default:
			files[name+".tmpl"] = body(i)
		}
	}
	return files
}

const manyManifest = hostileManifest + `files:
  - path: f0*1.tmpl
    when: '{{ eq .Dir "src" }}'
  - path: f0*2.tmpl
    when: '{{ ne .Dir "src" }}'
  - path: f1*5
    eol: crlf
`

func plainBody(i int) string {
	return fmt.Sprintf("file %d of {{ .Name }} in {{ .Dir }}\n{{ range $j := 3 }}{{ template \"part\" $ }}{{ $j }}\n{{ end }}", i)
}

// TestRenderAtOnceIsRenderInOrder: rendering a large pack's files side by
// side gives the tree rendering them one by one gives, byte for byte.
func TestRenderAtOnceIsRenderInOrder(t *testing.T) {
	p, err := writeHostile(t, manyManifest, manyFiles(300, plainBody))
	if err != nil {
		t.Fatal(err)
	}
	vals := Values{"Name": "Demo", "Dir": "src"}
	lim := p.limits()
	clock := startClock(lim.Timeout)
	defer clock.stop()
	a := p.renderAhead([]string{ComponentProject}, vals, templateData(vals, nil), lim, clock)
	ahead := 0
	for _, out := range a.out {
		if out != nil {
			ahead++
		}
	}
	if ahead < 200 {
		t.Fatalf("only %d files rendered ahead: the test does not test renderAhead", ahead)
	}
	want, err := render(p, vals, []string{ComponentProject}, false)
	if err != nil {
		t.Fatal(err)
	}
	for range 5 {
		got, err := render(p, vals, []string{ComponentProject}, true)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("at once (-in order +at once):\n%s", diff)
		}
	}
}

// TestRenderAtOnceFailsAsInOrder: a large pack that fails (template errors,
// a when condition that fails, the limit for the whole pack passed by
// templates or by a verbatim file, one file over its limit) fails with the
// error rendering one by one gives, word for word.
func TestRenderAtOnceFailsAsInOrder(t *testing.T) {
	tests := []struct {
		name     string
		manifest string
		body     func(i int) string
		lim      Limits
	}{
		{"template errors", manyManifest, func(i int) string {
			if i == 17 || i == 230 {
				return "{{ .Missing }}"
			}
			return plainBody(i)
		}, Limits{}},
		{"a when that fails", manyManifest + "  - path: f150.tmpl\n    when: '{{ .Nope }}'\n", func(i int) string {
			if i == 17 || i == 230 {
				return "{{ .Missing }}"
			}
			return plainBody(i)
		}, Limits{}},
		{"over the pack's limit", manyManifest, func(int) string { return `{{ repeat 10000 "x" }}` }, Limits{MaxFileBytes: 1 << 20, MaxTotalBytes: 1 << 20, Timeout: time.Minute}},
		{"a verbatim file over the pack's limit", manyManifest, func(int) string { return "{{ .Name }}" }, Limits{MaxFileBytes: 1 << 20, MaxTotalBytes: 1000, Timeout: time.Minute}},
		{"one file over its limit", manyManifest, func(i int) string {
			if i == 200 {
				return `{{ repeat 5000 "x" }}`
			}
			return plainBody(i)
		}, Limits{MaxFileBytes: 4096, MaxTotalBytes: 1 << 20, Timeout: time.Minute}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := writeHostile(t, tt.manifest, manyFiles(300, tt.body))
			if err != nil {
				t.Fatal(err)
			}
			p.Limits = tt.lim
			vals := Values{"Name": "Demo", "Dir": "src"}
			_, want := render(p, vals, []string{ComponentProject}, false)
			if want == nil {
				t.Fatal("the pack renders: the case tests nothing")
			}
			tree, got := render(p, vals, []string{ComponentProject}, true)
			if got == nil || got.Error() != want.Error() || tree != nil {
				t.Errorf("at once: %v\nin order: %v", got, want)
			}
		})
	}
}

// TestRenderAtOnceStopsALoop: a template that loops among many is stopped
// at the deadline, and the error names it.
func TestRenderAtOnceStopsALoop(t *testing.T) {
	p, err := writeHostile(t, manyManifest, manyFiles(300, func(i int) string {
		if i == 120 {
			return "{{ range $i := 100000000000 }}{{ end }}"
		}
		return plainBody(i)
	}))
	if err != nil {
		t.Fatal(err)
	}
	p.Limits = Limits{MaxFileBytes: 1 << 20, MaxTotalBytes: 1 << 24, Timeout: 300 * time.Millisecond}
	start := time.Now()
	_, err = Render(p, Values{"Name": "Demo", "Dir": "src"}, ComponentProject)
	if err == nil || !strings.Contains(err.Error(), "f120.tmpl: rendering took longer than 300ms") {
		t.Errorf("got %v, want the loop in f120.tmpl stopped", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("stopping took %s", d)
	}
}

// BenchmarkRenderManyFiles renders 800 files of 1.5 KB (a value, a range
// and a condition per line, as BenchmarkExternalPack1000Files's) one by one
// and side by side.
func BenchmarkRenderManyFiles(b *testing.B) {
	line := "// {{ .Name }}: generated file; owners{{ range $i := 3 }} {{ $.Dir | upper }}{{ end }}\n{{ if .Name }}// with tests{{ else }}// no tests{{ end }}\n"
	body := func(int) string { return strings.Repeat(line, 12) }
	for _, atOnce := range []bool{false, true} {
		b.Run(fmt.Sprintf("at-once=%v", atOnce), func(b *testing.B) {
			p, err := writeHostile(b, manyManifest, manyFiles(800, body))
			if err != nil {
				b.Fatal(err)
			}
			vals := Values{"Name": "Demo", "Dir": "src"}
			for b.Loop() {
				if _, err := render(p, vals, []string{ComponentProject}, atOnce); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
