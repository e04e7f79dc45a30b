package generator

import (
	"bytes"
	"errors"
	"fmt"
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
// once (text/template returns a writer's error).
type boundedWriter struct {
	buf      bytes.Buffer
	max      int64
	clock    *renderClock
	overflow bool
}

func (w *boundedWriter) Write(b []byte) (int, error) {
	if w.clock.expired() {
		return 0, errStopped
	}
	if int64(w.buf.Len()+len(b)) > w.max {
		w.overflow = true
		return 0, errStopped
	}
	return w.buf.Write(b)
}

// renderClock is the deadline of the render under way, read by tick.
type renderClock struct{ deadline atomic.Int64 } // unix nanoseconds; 0: none

func (c *renderClock) start(d time.Duration) { c.deadline.Store(time.Now().Add(d).UnixNano()) }

func (c *renderClock) expired() bool {
	d := c.deadline.Load()
	return d != 0 && time.Now().UnixNano() > d
}

// tick is the function bound pack templates call (see bound): past the
// deadline it panics, which text/template turns into an error.
func (c *renderClock) tick() string {
	if c.expired() {
		panic(errStopped)
	}
	return ""
}

// tickFunc names the function bound inserts; newTemplate defines a no-op
// one so templates parse, and bound replaces it with the pack's clock.
const tickFunc = "craneTick"

// tickNode is the {{ craneTick }} action bound inserts: the node is only
// read while executing, so one serves every place.
var tickNode = template.Must(template.New("tick").Funcs(template.FuncMap{tickFunc: func() string { return "" }}).
	Parse("{{" + tickFunc + "}}")).Tree.Root.Nodes[0]

// bound makes every template of t stoppable by clock.
//
// text/template has no step limit and no cancellation, and a template can
// loop without writing (a range over a huge number, templates that call
// each other exponentially and print nothing), so a deadline on the writer
// alone does not stop it. bound rewrites the parsed trees: a call to
// craneTick (which panics once clock's deadline has passed) starts every
// template and every range body, the only two ways text/template repeats
// work. With the writer's size and deadline checks and the caps on the
// functions that allocate (see guardFuncs), a render ends by its deadline
// or its size limit, synchronously, with nothing left running. Recursion
// is further bounded by text/template itself (100000 nested calls).
func bound(t *template.Template, clock *renderClock) {
	t.Funcs(template.FuncMap{tickFunc: clock.tick})
	for _, tt := range t.Templates() {
		if tt.Tree != nil && tt.Tree.Root != nil {
			instrument(tt.Tree.Root)
		}
	}
}

func instrument(list *parse.ListNode) {
	if list == nil {
		return
	}
	if len(list.Nodes) == 0 || list.Nodes[0] != tickNode {
		list.Nodes = append([]parse.Node{tickNode}, list.Nodes...)
	}
	for _, n := range list.Nodes {
		switch n := n.(type) {
		case *parse.RangeNode:
			instrument(n.List)
			instrument(n.ElseList)
		case *parse.IfNode:
			instrument(n.List)
			instrument(n.ElseList)
		case *parse.WithNode:
			instrument(n.List)
			instrument(n.ElseList)
		case *parse.ListNode:
			instrument(n)
		}
	}
}

// bound makes the pack's templates stoppable by its clock (see bound): its
// one template set holds the files, the partials and pack.yaml's defaults,
// dir and when conditions (see packtemplates.go).
func (p *Pack) bound() { bound(p.tmpl, &p.clock) }

// execWithin starts clock and executes t (bound to clock) on data within
// lim: output past lim.MaxFileBytes or time past lim.Timeout stops it with
// an error naming the template. pack.yaml's defaults and dir, and the
// RenderString of authoring tools, render through it.
func execWithin(t *template.Template, data map[string]any, clock *renderClock, lim Limits) (string, error) {
	clock.start(lim.Timeout)
	w := &boundedWriter{max: lim.MaxFileBytes, clock: clock}
	if err := t.Execute(w, data); err != nil {
		if errors.Is(err, errStopped) {
			return "", fmt.Errorf("%s: too large or takes too long to render (a loop?)", t.Name())
		}
		return "", err
	}
	return w.buf.String(), nil
}
