//go:build !unix

package generator

import "os"

// readIndexFile calls parse with the bytes of the index file at name.
func readIndexFile(name string, parse func([]byte)) error {
	data, err := os.ReadFile(name)
	if err == nil {
		parse(data)
	}
	return err
}
