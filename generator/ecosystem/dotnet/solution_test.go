package dotnet

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const vs2010 = "\uFEFF\r\nMicrosoft Visual Studio Solution File, Format Version 11.00\r\n" +
	"# Visual Studio 2010\r\n" +
	`Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Acme.Core", "Acme.Core\Acme.Core.csproj", "{11111111-1111-1111-1111-111111111111}"` + "\r\n" +
	"EndProject\r\n" +
	`Project("{2150E333-8FDC-42A3-9474-1A3956D46DE8}") = ".nuget", ".nuget", "{22222222-2222-2222-2222-222222222222}"` + "\r\n" +
	"EndProject\r\n" +
	`Project("{E24C65DC-7377-472B-9ABA-BC803B73C61A}") = "web", "http://localhost/web", "{33333333-3333-3333-3333-333333333333}"` + "\r\n" +
	"EndProject\r\n" +
	`Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Acme.Core.Tests", ".\Acme.Core.Tests\Acme.Core.Tests.csproj", "{44444444-4444-4444-4444-444444444444}"` + "\r\n" +
	"EndProject\r\nGlobal\r\nEndGlobal\r\n"

const vs2022 = `
Microsoft Visual Studio Solution File, Format Version 12.00
# Visual Studio Version 17
VisualStudioVersion = 17.0.31903.59
Project("{2150E333-8FDC-42A3-9474-1A3956D46DE8}") = "src", "src", "{A}"
EndProject
Project("{9A19103F-16F7-4668-BE54-9A1E7A4F7556}") = "Acme", "src\Acme\Acme.csproj", "{B}"
EndProject
Project("{F2A71F9B-5D33-465A-A702-920D77279786}") = "Acme.FSharp", "src\Acme.FSharp\Acme.FSharp.fsproj", "{C}"
EndProject
`

func TestParseSln(t *testing.T) {
	tests := []struct {
		name string
		data string
		want []SolutionProject
	}{
		{"vs2010 crlf bom folders web", vs2010, []SolutionProject{
			{Name: "Acme.Core", Path: "Acme.Core/Acme.Core.csproj"},
			{Name: "Acme.Core.Tests", Path: "Acme.Core.Tests/Acme.Core.Tests.csproj"},
		}},
		{"vs2022 sdk guids", vs2022, []SolutionProject{
			{Name: "Acme", Path: "src/Acme/Acme.csproj"},
			{Name: "Acme.FSharp", Path: "src/Acme.FSharp/Acme.FSharp.fsproj"},
		}},
		{"no projects", "Microsoft Visual Studio Solution File, Format Version 12.00\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := ParseSln([]byte(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, s.Projects); diff != "" {
				t.Errorf("projects (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseSlnNotASolution(t *testing.T) {
	_, err := ParseSln([]byte("<Solution></Solution>"))
	if err == nil || !strings.Contains(err.Error(), "not a solution file") {
		t.Errorf("got %v, want not a solution file", err)
	}
}

func TestParseSlnx(t *testing.T) {
	data := "\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<Solution>\r\n" +
		`  <Project Path="tools/Tool/Tool.csproj" />` + "\r\n" +
		`  <Folder Name="/src/"><Folder Name="/src/inner/"><Project Path="src\Acme\Acme.csproj" /></Folder></Folder>` + "\r\n" +
		`  <Project Path="docs/readme.md" />` + "\r\n" +
		"</Solution>\r\n"
	s, err := ParseSlnx([]byte(data))
	if err != nil {
		t.Fatal(err)
	}
	want := []SolutionProject{{Path: "tools/Tool/Tool.csproj"}, {Path: "src/Acme/Acme.csproj"}}
	if diff := cmp.Diff(want, s.Projects); diff != "" {
		t.Errorf("projects (-want +got):\n%s", diff)
	}
	if _, err := ParseSlnx([]byte("Microsoft Visual Studio Solution File")); err == nil {
		t.Error("a .sln parsed as .slnx")
	}
}

// FuzzParseSln checks that the reader never panics and only returns clean,
// relative project paths.
func FuzzParseSln(f *testing.F) {
	f.Add([]byte(vs2010))
	f.Add([]byte(vs2022))
	f.Add([]byte("Microsoft Visual Studio Solution File, Format Version 12.00\nProject(\"{X}\") = \"a\", \"..\\\\a.csproj\", \"{Y}\""))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ParseSln(data)
		if err != nil {
			return
		}
		for _, p := range s.Projects {
			if strings.Contains(p.Path, `\`) || strings.HasPrefix(p.Path, "/") || p.Path == "" {
				t.Errorf("unclean project path %q", p.Path)
			}
		}
	})
}
