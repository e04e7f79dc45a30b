package update

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var testLabels = Labels{Ours: "yours", Base: "crane 1.0.0", Theirs: "crane 2.0.0"}

func TestMerge(t *testing.T) {
	tests := []struct {
		name                     string
		base, ours, theirs, want string
		conflicts                int
	}{
		{name: "only theirs changed", base: "a\nb\nc\n", ours: "a\nb\nc\n", theirs: "a\nB\nc\n", want: "a\nB\nc\n"},
		{name: "only ours changed", base: "a\nb\nc\n", ours: "a\nb\nC\n", theirs: "a\nb\nc\n", want: "a\nb\nC\n"},
		{name: "both, apart", base: "a\nb\nc\nd\n", ours: "A\nb\nc\nd\n", theirs: "a\nb\nc\nD\n", want: "A\nb\nc\nD\n"},
		{name: "both alike", base: "a\nb\n", ours: "a\nX\n", theirs: "a\nX\n", want: "a\nX\n"},
		{name: "insert and change apart", base: "a\nb\nc\n", ours: "a\nnew\nb\nc\n", theirs: "a\nb\nC\n", want: "a\nnew\nb\nC\n"},
		{name: "conflict", base: "a\nb\nc\n", ours: "a\nmine\nc\n", theirs: "a\ncrane\nc\n",
			want:      "a\n<<<<<<< yours\nmine\n||||||| crane 1.0.0\nb\n=======\ncrane\n>>>>>>> crane 2.0.0\nc\n",
			conflicts: 1},
		{name: "conflict without final newline", base: "a\nb", ours: "a\nmine", theirs: "a\ncrane",
			want:      "a\n<<<<<<< yours\nmine\n||||||| crane 1.0.0\nb\n=======\ncrane\n>>>>>>> crane 2.0.0\n",
			conflicts: 1},
		{name: "crlf markers", base: "a\r\nb\r\n", ours: "a\r\nmine\r\n", theirs: "a\r\ncrane\r\n",
			want:      "a\r\n<<<<<<< yours\r\nmine\r\n||||||| crane 1.0.0\r\nb\r\n=======\r\ncrane\r\n>>>>>>> crane 2.0.0\r\n",
			conflicts: 1},
		{name: "both deleted alike", base: "a\nb\nc\n", ours: "a\nc\n", theirs: "a\nc\n", want: "a\nc\n"},
		{name: "empty base, both added", base: "", ours: "x\n", theirs: "y\n",
			want: "<<<<<<< yours\nx\n||||||| crane 1.0.0\n=======\ny\n>>>>>>> crane 2.0.0\n", conflicts: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, n := Merge([]byte(tt.base), []byte(tt.ours), []byte(tt.theirs), testLabels)
			if diff := cmp.Diff(tt.want, string(got)); diff != "" {
				t.Errorf("Merge (-want +got):\n%s", diff)
			}
			if n != tt.conflicts {
				t.Errorf("conflicts = %d, want %d", n, tt.conflicts)
			}
			if HasMarkers(got) != (tt.conflicts > 0) {
				t.Errorf("HasMarkers = %v with %d conflicts", HasMarkers(got), tt.conflicts)
			}
		})
	}
}

// FuzzMerge checks Merge on any three texts: a side equal to the base gives
// the other side, equal sides give that side, all without conflicts; the same
// inputs give the same bytes.
func FuzzMerge(f *testing.F) {
	f.Add("a\nb\nc\n", "a\nB\nc\n", "a\nb\nC\n")
	f.Add("x", "y", "z")
	f.Add("", "a\n", "")
	f.Fuzz(func(t *testing.T, base, ours, theirs string) {
		got, n := Merge([]byte(base), []byte(ours), []byte(theirs), testLabels)
		again, _ := Merge([]byte(base), []byte(ours), []byte(theirs), testLabels)
		if string(got) != string(again) {
			t.Fatal("the same inputs merged differently")
		}
		check := func(name string, b, o, th, want string) {
			got, n := Merge([]byte(b), []byte(o), []byte(th), testLabels)
			if n != 0 || string(got) != want {
				t.Errorf("%s: got %q with %d conflicts, want %q", name, got, n, want)
			}
		}
		check("theirs unchanged", base, ours, base, ours)
		check("ours unchanged", base, base, theirs, theirs)
		check("same change", base, ours, ours, ours)
		if n == 0 && ours == theirs && string(got) != ours {
			t.Errorf("same sides merged to %q", got)
		}
	})
}

// edit replaces base lines [from, to) with lines.
type edit struct {
	from, to int
	lines    []string
}

func apply(base []string, edits ...[]edit) string {
	var all []edit
	for _, e := range edits {
		all = append(all, e...)
	}
	var b strings.Builder
	for i := 0; i <= len(base); i++ {
		skip := false
		for _, e := range all {
			if e.from == i {
				for _, l := range e.lines {
					b.WriteString(l + "\n")
				}
			}
			if i >= e.from && i < e.to {
				skip = true
			}
		}
		if i < len(base) && !skip {
			b.WriteString(base[i] + "\n")
		}
	}
	return b.String()
}

// FuzzMergeDisjoint is the property the issue asks for: when ours and theirs
// edit regions of base with at least one untouched line between any two of
// them, the merge has no conflict and holds both sides' changes, so no edit of
// the user's outside the regions the pack changed is lost.
func FuzzMergeDisjoint(f *testing.F) {
	f.Add(uint64(1), uint8(10))
	f.Add(uint64(42), uint8(30))
	f.Fuzz(func(t *testing.T, seed uint64, size uint8) {
		r := rand.New(rand.NewPCG(seed, 7))
		n := int(size%40) + 1
		base := make([]string, n)
		for i := range base {
			base[i] = fmt.Sprintf("line %d", i)
		}
		var ours, theirs []edit
		for pos := 0; pos <= n; {
			from := pos + r.IntN(3)
			if from > n {
				break
			}
			to := min(from+r.IntN(3), n)
			var lines []string
			for k := range r.IntN(3) {
				lines = append(lines, fmt.Sprintf("edit %d.%d", from, k))
			}
			if to == from && len(lines) == 0 {
				lines = []string{fmt.Sprintf("insert %d", from)}
			}
			e := edit{from, to, lines}
			if r.IntN(2) == 0 {
				ours = append(ours, e)
			} else {
				theirs = append(theirs, e)
			}
			pos = to + 1 // base line `to` stays untouched before the next edit
		}
		b, o, th := apply(base), apply(base, ours), apply(base, theirs)
		want := apply(base, ours, theirs)
		got, conflicts := Merge([]byte(b), []byte(o), []byte(th), testLabels)
		if conflicts != 0 || string(got) != want {
			t.Fatalf("base %q\nours %q\ntheirs %q\ngot %q (%d conflicts)\nwant %q", b, o, th, got, conflicts, want)
		}
	})
}
