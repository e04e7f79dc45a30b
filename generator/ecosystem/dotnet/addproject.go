package dotnet

import (
	"fmt"
	"path"
	"strings"

	"github.com/ewilde/crane/generator/ecosystem"
)

// CheckEntry accepts a C#, F# or Visual Basic project file, in any
// solution folder.
func (Ecosystem) CheckEntry(e ecosystem.SolutionEntry) error {
	if _, ok := projectTypes[strings.ToLower(path.Ext(e.Project))]; !ok {
		return fmt.Errorf("%s is not a .NET project file: give the path of a .csproj, .fsproj or .vbproj", e.Project)
	}
	return nil
}

// IsSolution accepts a .sln or .slnx file.
func (Ecosystem) IsSolution(p string, _ []byte) bool {
	return (Ecosystem{}).Finds(path.Base(p))
}

// AddToSolution lists e's project in the .sln or .slnx at sol (see AddSln
// and AddSlnx), by its path relative to the solution's folder.
func (Ecosystem) AddToSolution(sol string, data []byte, e ecosystem.SolutionEntry) ([]byte, error) {
	rel := ecosystem.RelativeTo(sol, e.Project)
	if path.Ext(sol) == ".slnx" {
		return AddSlnx(data, rel, e.Folder)
	}
	return AddSln(data, strings.TrimSuffix(path.Base(sol), path.Ext(sol)), rel, e.Folder)
}
