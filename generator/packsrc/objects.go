package packsrc

import (
	"sort"
	"strings"

	"github.com/ewilde/crane/generator/gitobj"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/storer"
)

// commitWithPrefix returns the commit whose id starts with prefix (hex),
// or that an annotated tag with such an id names; the lowest id when
// several do.
func commitWithPrefix(s storer.EncodedObjectStorer, prefix string) (plumbing.Hash, bool) {
	iter, err := s.IterEncodedObjects(plumbing.AnyObject)
	if err != nil {
		return plumbing.ZeroHash, false
	}
	var ids []string
	_ = iter.ForEach(func(o plumbing.EncodedObject) error {
		if id := o.Hash().String(); strings.HasPrefix(id, prefix) {
			ids = append(ids, id)
		}
		return nil
	})
	sort.Strings(ids)
	for _, id := range ids {
		h, _ := gitobj.Peel(s, plumbing.NewHash(id))
		if _, err := s.EncodedObject(plumbing.CommitObject, h); err == nil {
			return h, true
		}
	}
	return plumbing.ZeroHash, false
}
