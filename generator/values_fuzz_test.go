package generator

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"go/format"
	"io"
	"os"
	"path"
	"strings"
	"sync"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"
)

var (
	fuzzPacksOnce sync.Once
	fuzzPacks     map[string]*Pack
	fuzzPackNames = []string{"dotnet", "go", "node", "python", "rust"}
)

// loadFuzzPacks loads the real packs from the source tree once.
func loadFuzzPacks(t testing.TB) map[string]*Pack {
	fuzzPacksOnce.Do(func() {
		fuzzPacks = map[string]*Pack{}
		for _, name := range fuzzPackNames {
			p, err := LoadPack(os.DirFS("../templates/packs"), name)
			if err != nil {
				t.Fatal(err)
			}
			fuzzPacks[name] = p
		}
	})
	return fuzzPacks
}

// FuzzResolve gives one variable of one pack arbitrary bytes. Whatever
// Resolve accepts must keep every path variable and every rendered file
// inside the target, render to sources that still parse (Go sources as
// gofmt leaves them, JSON, TOML, XML), and survive a lock round trip byte
// for byte; whatever it refuses is a *ValuesError (exit 2).
func FuzzResolve(f *testing.F) {
	seeds := []struct {
		pack uint8
		v    uint8
		val  string
	}{
		{1, 1, "A ``quoted'' widget."}, {1, 4, "./cmd/../../x"}, {4, 9, "../victim"}, {2, 9, "../*"},
		{1, 1, "caf\xe9"}, {1, 1, "\ufeffx"}, {0, 1, "a\x00b"}, {0, 10, "../x.sln"}, {3, 1, `"""`},
		{2, 1, `"}`}, {0, 1, "</Description>&"}, {4, 1, `\u0000"`}, {1, 1, "*/ package x"}, {0, 2, "3.10"},
	}
	for _, s := range seeds {
		f.Add(s.pack, s.v, []byte(s.val))
	}
	f.Fuzz(func(t *testing.T, pi, vi uint8, val []byte) {
		packs := loadFuzzPacks(t)
		p := packs[fuzzPackNames[int(pi)%len(fuzzPackNames)]]
		settable := p.settable()
		name := settable[int(vi)%len(settable)]
		given := map[string]string{"Name": p.Example, name: string(val)}
		if name == "Name" {
			given["Name"] = string(val)
		}
		vals, err := Resolve(p, given, Facts{Author: "Ada", Year: 2026}, nil)
		if err != nil {
			var ve *ValuesError
			if !errors.As(err, &ve) {
				t.Fatalf("Resolve refused %q with %T, want *ValuesError: %v", val, err, err)
			}
			return
		}
		for _, v := range p.Variables {
			if v.Path == "" {
				continue
			}
			for _, elem := range strings.Fields(vals[v.Name].(string)) {
				c := path.Clean(elem)
				if path.IsAbs(c) || c == ".." || strings.HasPrefix(c, "../") || strings.Contains(c, `\`) {
					t.Fatalf("%s=%q leaves the target", v.Name, elem)
				}
			}
		}
		tree, err := Render(p, vals, ComponentProject, ComponentBuild)
		if err != nil {
			return // a render error is reported, never written
		}
		for _, file := range tree {
			if err := checkRelPath(file.Path); err != nil {
				t.Fatalf("%s=%q renders %v", name, val, err)
			}
			if err := parses(file.Path, file.Data); err != nil {
				t.Fatalf("%s=%q: %s does not parse: %v\n%s", name, val, file.Path, err, file.Data)
			}
		}
		lock := Lock{Pack: p.Name, PackVersion: p.Version, Values: p.Recorded(vals)}
		data := lock.Marshal()
		var back Lock
		if err := yaml.Unmarshal(data, &back); err != nil {
			t.Fatalf("the lock does not read back: %v\n%s", err, data)
		}
		if diff := cmp.Diff(lock.Values, back.Values); diff != "" {
			t.Fatalf("lock round trip (-wrote +read):\n%s", diff)
		}
		if again := back.Marshal(); !bytes.Equal(again, data) {
			t.Fatalf("lock round trip is not byte-identical:\n%s\n%s", data, again)
		}
	})
}

// parses checks a rendered file by its kind.
func parses(name string, data []byte) error {
	switch ext := path.Ext(name); {
	case ext == ".go":
		formatted, err := format.Source(data)
		if err == nil && !bytes.Equal(formatted, data) {
			return errors.New("gofmt changes it")
		}
		return err
	case ext == ".json":
		if !json.Valid(data) {
			return errors.New("invalid JSON")
		}
	case ext == ".toml":
		var v map[string]any
		_, err := toml.Decode(string(data), &v)
		return err
	case ext == ".csproj" || ext == ".props" || ext == ".nuspec" || ext == ".slnx" || ext == ".targets":
		d := xml.NewDecoder(bytes.NewReader(data))
		for {
			if _, err := d.Token(); err == io.EOF {
				return nil
			} else if err != nil {
				return err
			}
		}
	}
	return nil
}
