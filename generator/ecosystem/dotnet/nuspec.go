package dotnet

import (
	"path"
	"strings"

	"github.com/ewilde/crane/generator/probe"
)

// nuspec is the metadata crane reads from an existing .nuspec.
type nuspec struct {
	Metadata struct {
		Authors     string `xml:"authors"`
		Description string `xml:"description"`
		ProjectURL  string `xml:"projectUrl"`
	} `xml:"metadata"`
}

// readNuspec fills the package properties p leaves unset from the .nuspec
// beside it (PROJECT.nuspec, as crane 0.x wrote it), if there is one.
func readNuspec(r *probe.Repo, p *Project) {
	data, err := probe.ReadInside(r.Root, strings.TrimSuffix(p.Path, path.Ext(p.Path))+".nuspec")
	if err != nil {
		return
	}
	var n nuspec
	if decodeXML(data, &n) != nil {
		return
	}
	fill := func(dst *string, v string) {
		if v = strings.TrimSpace(v); *dst == "" && v != "" && !strings.Contains(v, "$") {
			*dst = v
		}
	}
	fill(&p.Description, n.Metadata.Description)
	fill(&p.Authors, n.Metadata.Authors)
	fill(&p.RepositoryURL, n.Metadata.ProjectURL)
}
