// Package ecosystem is what crane knows of one language ecosystem, behind
// one interface: the rule a new project's name follows, what makes a
// repository one of the ecosystem's, and the facts assemble reads from it
// for a pack. Each ecosystem is one sub-package (dotnet, golang, node,
// python, rust); package all lists them, and a pack names its ecosystem in
// pack.yaml (ecosystem: dotnet), so built-in and external packs share the
// knowledge and cmd never switches on an ecosystem's name.
package ecosystem

import (
	"errors"
	"fmt"
	"html/template"

	"github.com/ewilde/crane/generator/probe"
)

// Ecosystem is one ecosystem's knowledge.
type Ecosystem interface {
	// Name is the ecosystem's name, which is also its built-in pack's.
	Name() string
	// Looks says what makes a repository one of the ecosystem's, for a
	// message that lists them: "a .NET solution (.sln, .slnx)".
	Looks() string
	// Evidence names the files that make r one of the ecosystem's ("go.mod,
	// go.work"), "" when it is not.
	Evidence(r *probe.Repo) string
	// Facts reads r for assemble: the pack's values as the repository has
	// them, a summary and notes. A repository the ecosystem's packs cannot
	// build is refused with a *Refusal that names the cause and the fix.
	Facts(r *probe.Repo, req Request) (*Facts, error)
	NameRule
}

// NameRule validates the name of a new project in one ecosystem's terms.
type NameRule interface {
	// Check returns every problem with name; none means it is valid.
	Check(name string) []string
	// Suggest returns a valid name close to name, or "" when none is obvious.
	Suggest(name string) string
}

// DeepFinder is an Ecosystem that looks for files anywhere below the root
// (a .NET solution may sit in a subfolder), not only at it.
type DeepFinder interface {
	// Finds reports whether a file named name is one the ecosystem wants.
	Finds(name string) bool
}

// FuncMapper is an Ecosystem with template functions of its own (Go's
// package name rule, say). They must be pure, like every template function.
type FuncMapper interface {
	Funcs() template.FuncMap
}

// SolutionChooser is an Ecosystem whose repositories may hold several
// solutions, one of which assemble's --solution chooses.
type SolutionChooser interface {
	ChoosesSolution()
}

// Pack is what an ecosystem may ask of the pack it reads facts for.
type Pack interface {
	// Declares reports whether the pack has a variable name that a value
	// may be given for (not a computed one).
	Declares(name string) bool
	// Choices are the variable's choices (none for a free value), and
	// Default its default as written in pack.yaml.
	Choices(name string) []string
	Default(name string) string
	// Renders reports whether the pack may write a file at target
	// ("build.sh"): a note about crane's build script is for a pack that
	// has one.
	Renders(target string) bool
}

// Request is what assemble asks an ecosystem for.
type Request struct {
	Pack Pack
	// Solution is --solution ("" when not given), for a SolutionChooser.
	Solution string
	// Recorded are the values an earlier run of the same pack recorded in
	// .crane.yaml, by name.
	Recorded map[string]string
	// Given are the values the user gave (--set, --values), by name: a
	// choice the repository leaves open (which packages VERSION drives, say)
	// is asked for, and answered there; facts that follow from one (the
	// command a Go build names after its Main) follow the given value.
	Given map[string]string
}

// Chosen is the value the user gave for name, else the one an earlier run
// recorded; ok is false when neither says.
func (r Request) Chosen(name string) (v string, ok bool) {
	if v, ok = r.Given[name]; ok {
		return v, true
	}
	v, ok = r.Recorded[name]
	return v, ok
}

// Facts are what an ecosystem read from a repository, ready for a pack.
type Facts struct {
	// Values are the pack's values by variable name; a value the
	// repository does not say is left out, so the pack's default applies.
	Values map[string]string
	// Summary is one line: "dotnet: Acme.sln, 3 projects, 1 test project".
	Summary string
	// Notes say what crane chose, what it could not read, and what will
	// fail later.
	Notes []string
	// VersionFrom is the file VERSION is seeded from, "" when none.
	VersionFrom string
	// Drives lists the files (slash-separated, relative to the root) whose
	// version the generated build writes VERSION into; every other file of
	// the user's keeps its version. The notes say the same to the user, and
	// the property test over the assemble fixtures holds the build to it.
	Drives []string
	// FollowGiven names the values that follow from a value given with
	// --set (Go's Command from a given Main): they win over the values an
	// earlier run recorded, as the given value does.
	FollowGiven []string
}

// Note adds a note.
func (f *Facts) Note(format string, args ...any) {
	f.Notes = append(f.Notes, fmt.Sprintf(format, args...))
}

// SeedVersion records that VERSION, when the repository has none, starts at
// the InitialVersion value read from manifest, and says so; not for a pack
// without an InitialVersion (one from a folder or git may have no VERSION).
func (f *Facts) SeedVersion(r *probe.Repo, manifest string, pack Pack) {
	v := f.Values["InitialVersion"]
	if v == "" || r.VersionFile == "VERSION" || (pack != nil && !pack.Declares("InitialVersion")) {
		return
	}
	f.VersionFrom = manifest
	f.Note("VERSION starts at %s, the version in %s; change VERSION from now on: the build writes it into the manifest", v, manifest)
}

// Refusal is a repository an ecosystem's packs cannot serve, or a request
// it cannot take: a usage error whose text names the cause and the fix.
type Refusal struct{ Text string }

func (r *Refusal) Error() string { return r.Text }

// Refusef returns a *Refusal.
func Refusef(format string, args ...any) error {
	return &Refusal{Text: fmt.Sprintf(format, args...)}
}

// Manifest is name when r's root has that file, else "".
func Manifest(r *probe.Repo, name string) string {
	if r.Has(name) {
		return name
	}
	return ""
}

// MissingManifest refuses a repository without the root manifest (want,
// e.g. "Cargo.toml (cargo init)") that pack builds from.
func MissingManifest(r *probe.Repo, pack, want string) error {
	return Refusef("no %s at the root of %s; the %s pack builds from it: add one, or choose another pack with --pack", want, r.Root, pack)
}

// Unreadable refuses a manifest that does not parse; a *Refusal passes
// through as it is.
func Unreadable(manifest string, err error) error {
	if r := (*Refusal)(nil); errors.As(err, &r) {
		return err
	}
	return Refusef("reading %s: %v; fix it, or choose another pack with --pack", manifest, err)
}
