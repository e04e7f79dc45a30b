// Package templates embeds crane's template packs and nothing else: one folder
// per pack under packs/, each with a pack.yaml and the component folders
// project/ and build/. The contract every pack must meet is tested here.
package templates

import (
	"embed"
	"io/fs"
)

//go:embed all:packs
var embedded embed.FS

// Packs returns the packs folder: one sub-folder per pack.
func Packs() fs.FS {
	sub, err := fs.Sub(embedded, "packs")
	if err != nil {
		panic(err) // the folder is embedded: cannot fail
	}
	return sub
}
