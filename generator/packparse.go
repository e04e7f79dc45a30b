package generator

import (
	"path"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"text/template/parse"
)

// Parsing a pack's templates is most of loading a large pack (70 ms of
// text/template's parser for 800 templates of 1.5 KB), and each template
// parses on its own: parseAll parses them side by side, one goroutine per
// processor, into parse trees that addTemplates then adds to the pack's
// set one by one in the walk's order, as text/template's own Parse would
// have. Only a template that parses here takes this path: one with an
// error is parsed again by the set itself, so that its error is
// text/template's, word for word.

// minParallel is the fewest templates parsed side by side; fewer (a
// built-in pack has about 40) are not worth the goroutines.
const minParallel = 64

// builtinFuncs are text/template's own functions (its builtins), which
// its parser accepts besides the func map. A builtin a later Go adds and
// this list lacks only sends a template that calls it to the set's parser
// (see parseAll); TestBuiltinFuncsAreTextTemplates proves each is one.
// The parser only asks whether a name has a value that is not nil.
var builtinFuncs = map[string]any{
	"and": true, "call": true, "html": true, "index": true, "slice": true, "js": true, "len": true,
	"not": true, "or": true, "print": true, "printf": true, "println": true, "urlquery": true,
	"eq": true, "ge": true, "gt": true, "le": true, "lt": true, "ne": true,
}

// parseAll parses the templates among files side by side, instruments their
// trees (see instrument) and keeps them in files[i].trees; a template that
// does not parse keeps none.
func (p *Pack) parseAll(files []foundFile) {
	var todo []int
	for i, ff := range files {
		if strings.HasSuffix(ff.rel, ".tmpl") {
			todo = append(todo, i)
		}
	}
	if len(todo) < minParallel {
		return
	}
	funcs := funcMap()
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(todo)) {
		wg.Go(func() {
			for {
				n := int(next.Add(1)) - 1
				if n >= len(todo) {
					return
				}
				ff := &files[todo[n]]
				left, right := p.delims(ff.rel)
				trees, err := parse.Parse(templateName(ff.src, ff.rel), string(ff.data), left, right, funcs, builtinFuncs)
				if err != nil {
					continue
				}
				for _, t := range trees {
					boundTree(t)
				}
				ff.trees = trees
			}
		})
	}
	wg.Wait()
}

// templateName is the name a pack file's template has in the set: its path
// in the pack, or for a partial its base name without .tmpl.
func templateName(src, rel string) string {
	if _, _, _, partial := targetName(rel); partial {
		return strings.TrimSuffix(path.Base(rel), ".tmpl")
	}
	return src
}

// delims returns the delimiters of the pack file at rel (its path in its
// component folder): those of the rule matching its target, a partial's
// included, else {{ and }} (see FileRule.Delims).
func (p *Pack) delims(rel string) (left, right string) {
	target, _, _, _ := targetName(rel)
	return delimsFor(p.Files, target)
}

// addTemplates adds the templates of ff to the pack's set: the trees
// parseAll made, or, for a template it did not parse, what the set's own
// parser makes of its text.
func (p *Pack) addTemplates(ff foundFile) error {
	name := templateName(ff.src, ff.rel)
	if ff.trees == nil {
		_, err := p.tmpl.New(name).Delims(p.delims(ff.rel)).Parse(string(ff.data))
		return err
	}
	for n, t := range ff.trees {
		if _, err := p.tmpl.AddParseTree(n, t); err != nil {
			return err
		}
	}
	return nil
}
