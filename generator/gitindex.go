package generator

import (
	"bytes"
	"crypto/sha1"
	"encoding/binary"
	"slices"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
)

// indexEntry is one path of the git index and the blob it stages.
type indexEntry struct {
	name string
	hash plumbing.Hash
}

// parseIndex reads the paths and blob hashes of a git index file
// (Documentation/gitformat-index.txt): versions 2, 3 and 4, SHA-1. It does
// in one pass over the bytes, with one allocation for all the names, what
// go-git's decoder does with reflection per field (about 100 ms and 40 MiB
// for 75,000 entries). Each path is listed once, with the hash of its last
// stage, sorted as the index is.
//
// ok is false for an index it does not read, which the caller then reads
// with go-git (or the git command): another version, a checksum that does
// not match (which also rules out a SHA-256 index) or is absent
// (index.skipHash), entries out of order or cut short, or a required
// extension (one whose name starts with a lower-case letter: a split index's
// "link", a sparse index's "sdir"), which changes what the entries mean.
// Optional extensions (TREE, REUC, UNTR, ...) are skipped.
func parseIndex(data []byte) (entries []indexEntry, ok bool) {
	const header, trailer = 12, sha1.Size
	if len(data) < header+trailer || string(data[:4]) != "DIRC" {
		return nil, false
	}
	body, sum := data[:len(data)-trailer], data[len(data)-trailer:]
	if sha1.Sum(body) != [sha1.Size]byte(sum) {
		return nil, false
	}
	version := binary.BigEndian.Uint32(data[4:8])
	count := binary.BigEndian.Uint32(data[8:12])
	if version < 2 || version > 4 || uint64(count) > uint64(len(body)/62) {
		return nil, false
	}
	type span struct {
		start, end int
		hash       plumbing.Hash
	}
	spans := make([]span, 0, count)
	names := make([]byte, 0, len(body)/2)
	var prev []byte // version 4: the previous name, which the next one shares a prefix with
	off := header
	for range count {
		// ctime, mtime, dev, ino, mode, uid, gid, size (40 bytes), the hash
		// (20), the flags (2), and in version 3 and later when the
		// extended flag is set, 2 more.
		const fixed = 62
		if off+fixed > len(body) {
			return nil, false
		}
		var h plumbing.Hash
		copy(h[:], body[off+40:off+60])
		flags := binary.BigEndian.Uint16(body[off+60 : off+62])
		p := off + fixed
		if flags&0x4000 != 0 {
			if version < 3 {
				return nil, false
			}
			p += 2
			if p > len(body) {
				return nil, false
			}
		}
		var name []byte
		if version == 4 {
			strip, n := indexVarint(body[p:])
			if n == 0 || strip > uint64(len(prev)) {
				return nil, false
			}
			p += n
			end := bytes.IndexByte(body[p:], 0)
			if end < 0 {
				return nil, false
			}
			name = append(prev[:len(prev)-int(strip):len(prev)-int(strip)], body[p:p+end]...)
			prev = name
			off = p + end + 1
		} else {
			end := bytes.IndexByte(body[p:], 0)
			if end < 0 {
				return nil, false
			}
			name = body[p : p+end]
			// NUL-padded to a multiple of 8 bytes, with at least one NUL.
			off += (p - off + end + 8) &^ 7
			if off > len(body) {
				return nil, false
			}
		}
		if len(spans) > 0 {
			last := &spans[len(spans)-1]
			switch c := bytes.Compare(names[last.start:last.end], name); {
			case c > 0:
				return nil, false
			case c == 0: // a later stage of the same path: its hash wins
				last.hash = h
				continue
			}
		}
		start := len(names)
		names = append(names, name...)
		spans = append(spans, span{start, len(names), h})
	}
	for off < len(body) {
		if off+8 > len(body) {
			return nil, false
		}
		sig := body[off : off+4]
		size := binary.BigEndian.Uint32(body[off+4 : off+8])
		if sig[0] < 'A' || sig[0] > 'Z' || uint64(size) > uint64(len(body)-off-8) {
			return nil, false
		}
		off += 8 + int(size)
	}
	all := string(names)
	entries = make([]indexEntry, len(spans))
	for i, s := range spans {
		entries[i] = indexEntry{name: all[s.start:s.end], hash: s.hash}
	}
	return entries, true
}

// indexVarint decodes the variable-width integer of an index version 4
// entry (git's varint.c: 7 bits a byte, most significant first, each
// continuation adding one), returning it and the bytes read (0: malformed).
func indexVarint(b []byte) (uint64, int) {
	var v uint64
	for i, c := range b {
		if i > 0 {
			v++
		}
		if i >= 9 {
			return 0, 0
		}
		v = v<<7 | uint64(c&0x7f)
		if c&0x80 == 0 {
			return v, i + 1
		}
	}
	return 0, 0
}

// sortedEntries turns a path -> hash map (what go-git or the git command
// read) into entries sorted by path.
func sortedEntries(m map[string]plumbing.Hash) []indexEntry {
	entries := make([]indexEntry, 0, len(m))
	for name, h := range m {
		entries = append(entries, indexEntry{name, h})
	}
	slices.SortFunc(entries, func(a, b indexEntry) int { return strings.Compare(a.name, b.name) })
	return entries
}

// lookup returns the hash the index stages for name.
func (r *GitRepo) lookup(name string) (plumbing.Hash, bool) {
	i, ok := slices.BinarySearchFunc(r.entries, name, func(e indexEntry, name string) int { return strings.Compare(e.name, name) })
	if !ok {
		return plumbing.ZeroHash, false
	}
	return r.entries[i].hash, true
}
