// Package templates embeds crane's template packs and nothing else: one folder
// per pack under packs/, each with a pack.yaml and the component folders
// project/ and build/, and under kept/ every released version of each pack
// (kept/<pack>-<version>.zip, listed in kept/versions.txt), which crane update
// renders as the base of its 3-way merge. The contract every pack must meet is
// tested here; go test ./templates -run Kept -update keeps a new version.
package templates

import (
	"embed"
	"io/fs"
)

//go:embed all:packs
var embedded embed.FS

//go:embed kept
var kept embed.FS

// Packs returns the packs folder: one sub-folder per pack.
func Packs() fs.FS {
	sub, err := fs.Sub(embedded, "packs")
	if err != nil {
		panic(err) // the folder is embedded: cannot fail
	}
	return sub
}

// Kept returns the kept versions: <pack>-<version>.zip, each holding the
// folder <pack>/ as that version released it, and versions.txt.
func Kept() fs.FS {
	sub, err := fs.Sub(kept, "kept")
	if err != nil {
		panic(err) // the folder is embedded: cannot fail
	}
	return sub
}
