package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing/fstest"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/ewilde/crane/generator"
)

// demoPacksEnv tells the crane-demo commands of the scripts where the demo
// pack's versions are (the scripts run in their own folder).
const demoPacksEnv = "CRANE_TEST_DEMO_PACKS"

// demoPacks serves the test-only demo pack at current from dir (demo-<version>.txtar
// files), with every other version there kept, as a released crane keeps
// its packs' earlier versions.
func demoPacks(dir, current string) generator.PackSource {
	packs, kept := fstest.MapFS{}, fstest.MapFS{}
	names, err := filepath.Glob(filepath.Join(dir, "demo-*.txtar"))
	if err != nil || len(names) == 0 {
		panic("no demo packs in " + dir)
	}
	for _, name := range names {
		version := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(name), "demo-"), ".txtar")
		data, err := os.ReadFile(name)
		if err != nil {
			panic(err)
		}
		files := map[string][]byte{}
		for _, f := range txtar.Parse(data).Files {
			files[f.Name] = f.Data
		}
		if version == current {
			for p, d := range files {
				packs[p] = &fstest.MapFile{Data: d}
			}
			continue
		}
		z, err := generator.KeptZip(files)
		if err != nil {
			panic(err)
		}
		kept[generator.KeptName("demo", version)] = &fstest.MapFile{Data: z}
	}
	return generator.NewPackSource(packs).WithKept(kept)
}
