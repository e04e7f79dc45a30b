package generator

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/ewilde/crane/templates"
)

// loadOverlay writes a pack folder team (files keyed by path under it) and
// loads it over the built-in packs.
func loadOverlay(t *testing.T, files map[string]string) (*Pack, error) {
	t.Helper()
	team := map[string]string{}
	for p, data := range files {
		team["team/"+p] = data
	}
	return NewPackSource(templates.Packs()).Load(filepath.Join(writeFolder(t, team), "team"))
}

// TestAddToWorkspaces: packs extending go, rust and node add a module, a
// crate, a package, and list it in the base's go.work, workspace
// Cargo.toml, package.json workspaces (where a pattern covers it already,
// nothing changes); a folder, which none of them has, is refused at load.
func TestAddToWorkspaces(t *testing.T) {
	tests := []struct {
		base, project, name, file, want string
	}{
		{"go", "tools/go.mod", "example.com/acme/widget", "go.work", "use (\n\t.\n\t./tools\n)\n"},
		{"rust", "crates/__Name__-cli/Cargo.toml", "fast-slug", "Cargo.toml", `members = ["crates/fast-slug", "crates/fast-slug-cli"]` + "\n"},
		{"node", "apps/web/package.json", "@acme/widget", "package.json", "\"workspaces\": [\n    \"packages/*\",\n    \"apps/web\"\n  ],"},
		{"node", "packages/extra/package.json", "@acme/widget", "package.json", "\"workspaces\": [\n    \"packages/*\"\n  ],"},
	}
	for _, tc := range tests {
		t.Run(tc.base+" "+tc.project, func(t *testing.T) {
			files := map[string]string{
				"pack.yaml":                       "name: team\nversion: 1.0.0\ndescription: d\nextends: " + tc.base + "\nactions:\n  - add_to_solution: {project: " + tc.project + "}\n",
				"project/" + tc.project + ".tmpl": map[string]string{"go": "module x\n", "rust": "[package]\nname = \"x\"\n", "node": "{}\n"}[tc.base],
			}
			p, err := loadOverlay(t, files)
			if err != nil {
				t.Fatal(err)
			}
			given := map[string]string{"Name": tc.name}
			if tc.base == "node" {
				given["Year"] = "2026" // its default is .Facts.Year
			}
			got := renderAll(t, p, given)
			if !strings.Contains(got[tc.file], tc.want) {
				t.Errorf("%s:\n%s\nwant it to hold\n%s", tc.file, got[tc.file], tc.want)
			}
			files["pack.yaml"] = strings.Replace(files["pack.yaml"], "}", ", folder: src}", 1)
			_, err = loadOverlay(t, files)
			if want := "team/pack.yaml: actions[0] add_to_solution: folder is for a .NET solution"; err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("Load with a folder = %v, want %q", err, want)
			}
		})
	}
}
