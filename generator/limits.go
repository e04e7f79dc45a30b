package generator

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"sync/atomic"
	"text/template"
	"text/template/parse"
	"time"
)

// Limits bound one render of a pack, so that a hostile or broken pack (a
// template that loops, or expands exponentially) is stopped with an error
// before anything is written.
type Limits struct {
	MaxFileBytes  int64         // bytes one rendered file may have
	MaxTotalBytes int64         // bytes all rendered files may have together
	Timeout       time.Duration // time the whole render may take
}

// DefaultLimits are far above what a real pack needs (crane's packs render
// about 100 KB in milliseconds) and far below what would hurt a machine.
var DefaultLimits = Limits{MaxFileBytes: 16 << 20, MaxTotalBytes: 256 << 20, Timeout: 20 * time.Second}

// limits returns the pack's limits, or the defaults for a zero Limits.
func (p *Pack) limits() Limits {
	if p.Limits == (Limits{}) {
		return DefaultLimits
	}
	return p.Limits
}

// errStopped is what a render over its limits fails with.
var errStopped = errors.New("render stopped")

// boundedWriter is the buffer a template writes into. It refuses a write
// past max bytes or after the clock's deadline, which ends the template at
// once (text/template returns a writer's error). Every pack template must
// execute into one: it is what makes the ticks bound inserts stop a loop.
type boundedWriter struct {
	buf      bytes.Buffer
	max      int64
	clock    *renderClock
	overflow bool
	// budget, when set, is what several writers rendering at once may
	// still write between them (see renderAhead); below zero, they stop.
	// A writer takes from it budgetChunk bytes at a time (held), so that
	// they do not all update it at every write, and gives back what it
	// did not use when its file is done (see release).
	budget *atomic.Int64
	held   int64
}

// budgetChunk is how much of a shared budget a writer takes at a time.
const budgetChunk = 16 << 10

// release gives back to the shared budget what w took and did not write.
func (w *boundedWriter) release() {
	if w.budget != nil {
		w.budget.Add(w.held - int64(w.buf.Len()))
		w.held = int64(w.buf.Len())
	}
}

func (w *boundedWriter) Write(b []byte) (int, error) {
	if w.clock.expired() {
		return 0, errStopped
	}
	if int64(w.buf.Len()+len(b)) > w.max {
		w.overflow = true
		return 0, errStopped
	}
	if w.budget != nil {
		if need := int64(w.buf.Len()+len(b)) - w.held; need > 0 {
			take := max(need, budgetChunk)
			w.held += take
			if w.budget.Add(-take) < 0 {
				return 0, errStopped
			}
		}
	}
	return w.buf.Write(b)
}

// renderClock is the deadline of one render call: a timer sets expired when
// it passes, so a check is one atomic load rather than a read of the clock
// (a template checks at every write and tick). Each call has its own, so
// that renders of one pack may run at once.
type renderClock struct {
	stopped atomic.Bool
	timer   *time.Timer
}

// startClock starts a deadline d from now; stop it when the render ends.
func startClock(d time.Duration) *renderClock {
	c := &renderClock{}
	c.timer = time.AfterFunc(d, func() { c.stopped.Store(true) })
	return c
}

// stop releases the clock's timer.
func (c *renderClock) stop() { c.timer.Stop() }

func (c *renderClock) expired() bool { return c.stopped.Load() }

// tickNode is what bound inserts: an empty text node. text/template writes
// every text node to its writer, empty or not, so each tick is a call of
// boundedWriter.Write, which fails once the deadline has passed; the node
// is only read while executing, so one serves every place.
var tickNode = &parse.TextNode{NodeType: parse.NodeText, Text: []byte{}}

// bound makes every template of t stoppable by the deadline of the writer
// it executes into (see instrument).
func bound(t *template.Template) {
	for _, tt := range t.Templates() {
		boundTree(tt.Tree)
	}
}

// boundTree instruments one parsed tree (see instrument); a tree already
// instrumented (its root starts with the tick) is left as it is.
func boundTree(tree *parse.Tree) {
	if tree == nil || tree.Root == nil {
		return
	}
	if n := tree.Root.Nodes; len(n) > 0 && n[0] == parse.Node(tickNode) {
		return
	}
	instrument(tree.Root, true)
}

// instrument makes the template list stoppable.
//
// text/template has no step limit and no cancellation, and a template can
// loop without writing (a range over a huge number, templates that call
// each other exponentially and print nothing), so a deadline on what it
// writes alone does not stop it. instrument rewrites the parsed tree: a
// tick (an empty write, which fails once the deadline has passed) starts
// every template and every range body, the only two ways text/template
// repeats work; an if or with body runs at most once per run of the list
// holding it, so it needs none, but the ranges inside it do. With the
// writer's size and deadline checks and the caps on the functions that
// allocate (see guardFuncs), a render ends by its deadline or its size
// limit, synchronously, with nothing left running. Recursion is further
// bounded by text/template itself (100000 nested calls).
func instrument(list *parse.ListNode, tick bool) {
	if list == nil {
		return
	}
	if tick && (len(list.Nodes) == 0 || list.Nodes[0] != parse.Node(tickNode)) {
		list.Nodes = slices.Insert(list.Nodes, 0, parse.Node(tickNode)) // in the parser's spare room when it left some
	}
	for _, n := range list.Nodes {
		switch n := n.(type) {
		case *parse.RangeNode:
			instrument(n.List, true)
			instrument(n.ElseList, false)
		case *parse.IfNode:
			instrument(n.List, false)
			instrument(n.ElseList, false)
		case *parse.WithNode:
			instrument(n.List, false)
			instrument(n.ElseList, false)
		case *parse.ListNode:
			instrument(n, false)
		}
	}
}

// bound makes the pack's templates stoppable (see bound): its one
// template set holds the files, the partials and pack.yaml's defaults,
// dir and when conditions (see packtemplates.go).
func (p *Pack) bound() { bound(p.tmpl) }

// execWithin executes t (bound) on data within lim: output past
// lim.MaxFileBytes or time past lim.Timeout stops it with an error naming
// the template. pack.yaml's defaults and dir, and the RenderString of
// authoring tools, render through it.
func execWithin(t *template.Template, data map[string]any, lim Limits) (string, error) {
	clock := startClock(lim.Timeout)
	defer clock.stop()
	w := &boundedWriter{max: lim.MaxFileBytes, clock: clock}
	if err := t.Execute(w, data); err != nil {
		if errors.Is(err, errStopped) {
			return "", fmt.Errorf("%s: too large or takes too long to render (a loop?)", t.Name())
		}
		return "", err
	}
	return w.buf.String(), nil
}
