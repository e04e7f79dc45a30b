package packcheck

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rogpeppe/go-internal/txtar"

	"github.com/ewilde/crane/generator"
)

// Files real templates ship that txtar cannot hold as they are: an image,
// a README whose last line has no newline, a file with a line that reads
// as a txtar marker.
var awkwardFiles = map[string]string{
	"project/assets/logo.png":  "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01",
	"project/README.md.tmpl":   "# {{ .Name }}\n\nNo newline at the end.",
	"project/notes.sql":        "-- migrate --\nselect 1;\n",
	"project/plain.txt":        "plain\n",
	"project/empty.txt":        "",
	"project/crlf-no-eol.txt":  "a\r\nb",
	"project/only-newline.txt": "\n",
}

func awkwardPack(t *testing.T) string {
	files := map[string]string{"pack.yaml": `name: awkward
version: 1.0.0
description: files txtar cannot hold as they are
ecosystem: go
example: example.com/awkward
variables:
  - name: Name
    type: name
    help: the module path
`}
	for k, v := range awkwardFiles {
		files[k] = v
	}
	return writePack(t, files)
}

// TestGoldenKeepsEveryFileExactly: a golden tree written by --update holds
// binary files, files without a final newline and files with marker lines
// exactly, so pack test passes right after --update; a changed binary file
// is reported by size, not dumped on the terminal.
func TestGoldenKeepsEveryFileExactly(t *testing.T) {
	dir := awkwardPack(t)
	src := generator.NewPackSource(nil)
	if _, err := Test(src, dir, TestOptions{LookPath: noTools, Update: true}); err != nil {
		t.Fatal(err)
	}
	res, err := Test(src, dir, TestOptions{LookPath: noTools})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]Result{{Name: "example"}}, res); diff != "" {
		t.Fatalf("right after --update (-want +got):\n%s", diff)
	}
	golden, _ := os.ReadFile(filepath.Join(dir, "testdata", "example.txtar"))
	for _, want := range []string{"-- encoding --\nno-final-newline README.md\nbase64 assets/logo.png\nno-final-newline crlf-no-eol.txt\nbase64 notes.sql\n", "-- out/plain.txt --\nplain\n"} {
		if !strings.Contains(string(golden), want) {
			t.Errorf("golden tree lacks %q:\n%s", want, golden)
		}
	}
	os.WriteFile(filepath.Join(dir, "project", "assets", "logo.png"), []byte("\x89PNG\x00changed"), 0o644)
	res, _ = Test(src, dir, TestOptions{LookPath: noTools})
	want := []string{"out/assets/logo.png differs from the golden tree: binary content, 18 bytes in the golden tree and 12 rendered (run crane pack test --update if it is intended)"}
	if diff := cmp.Diff(want, res[0].Problems); diff != "" {
		t.Errorf("a changed binary file (-want +got):\n%s", diff)
	}
}

// TestEncodeFileRoundTrip: whatever a file holds, the golden tree gives it
// back byte for byte.
func TestEncodeFileRoundTrip(t *testing.T) {
	for name, data := range awkwardFiles {
		enc, how := encodeFile([]byte(data))
		back, err := decodeFile(enc, how)
		if err != nil || string(back) != data {
			t.Errorf("%s (%s): got %q, %v; want %q", name, how, back, err, data)
		}
	}
}

// TestGoldenBadEncodingSection: a hand-edited encoding section is reported
// with what it must hold.
func TestGoldenBadEncodingSection(t *testing.T) {
	file := filepath.Join(t.TempDir(), "x.txtar")
	os.WriteFile(file, []byte("-- out/a --\na\n-- encoding --\nrot13 a\n"), 0o644)
	got := compareGolden(file, map[string]string{"out/a": "a\n"})
	want := []string{file + `: cannot be read (encoding: "rot13 a" is not "base64 PATH" or "no-final-newline PATH"); run crane pack test --update to rewrite it`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func FuzzEncodeFile(f *testing.F) {
	for _, data := range awkwardFiles {
		f.Add([]byte(data))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		enc, how := encodeFile(data)
		back, err := decodeFile(enc, how)
		if err != nil || string(back) != string(data) {
			t.Fatalf("%q (%s): got %q, %v", data, how, back, err)
		}
		ar := txtarRoundTrip(enc)
		if ar != string(enc) {
			t.Fatalf("%q: txtar gives back %q, want %q", data, ar, enc)
		}
	})
}

// txtarRoundTrip stores data as one txtar file and reads it back.
func txtarRoundTrip(data []byte) string {
	ar := txtar.Parse(txtar.Format(&txtar.Archive{Files: []txtar.File{{Name: "out/f", Data: data}, {Name: "next", Data: []byte("x\n")}}}))
	if len(ar.Files) != 2 {
		return "<" + string(rune('0'+len(ar.Files))) + " files>"
	}
	return string(ar.Files[0].Data)
}
