package generator

import (
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"text/template"
)

// Rendering is the second cost of a large pack after parsing it, and its
// files render on their own: renderAhead renders the templates Render will
// need side by side, before Render's loop, which then takes each file's
// bytes in order as if it had rendered them itself (see ahead.execute).
// What the loop decides is unchanged, so the tree and every error are the
// same: a file whose render failed here, for any reason, is rendered again
// by the loop, which finds that failure itself; and a pack that renders
// more than its limit in all is left wholly to the loop, which finds where.

// ahead is what renderAhead rendered: out[i] is the bytes of p.files[i], or
// nil when Render's loop renders it itself.
type ahead struct{ out [][]byte }

// renderAhead renders, at once, the templates of the given components whose
// when condition holds and whose path is valid, up to the first file whose
// condition fails; a pack with fewer than minParallel of them renders in
// the loop alone. Each render is bounded like the loop's (clock, the limit
// for one file) and all of them together by the limit for the pack.
func (p *Pack) renderAhead(components []string, vals Values, data map[string]any, lim Limits, clock *renderClock) ahead {
	templates := 0
	for _, f := range p.files {
		if f.render && slices.Contains(components, f.component) {
			templates++
		}
	}
	if templates < minParallel {
		return ahead{}
	}
	var jobs []int
	for i, f := range p.files {
		if !slices.Contains(components, f.component) {
			continue
		}
		if r := p.rule(f.target); r != nil && r.When != "" {
			holds, err := r.holds(data, &boundedWriter{max: lim.MaxFileBytes, clock: clock})
			if err != nil {
				break // the loop stops or reports here: no file after it is needed now
			}
			if !holds {
				continue
			}
		}
		if _, err := expandPath(f.target, vals); err == nil && f.render {
			jobs = append(jobs, i)
		}
	}
	if len(jobs) < minParallel {
		return ahead{}
	}
	out := make([][]byte, len(p.files))
	var budget atomic.Int64 // bytes the pack may still render
	budget.Store(lim.MaxTotalBytes)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Go(func() {
			for budget.Load() >= 0 {
				n := int(next.Add(1)) - 1
				if n >= len(jobs) {
					return
				}
				i := jobs[n]
				w := &boundedWriter{max: min(lim.MaxFileBytes, lim.MaxTotalBytes), clock: clock, budget: &budget}
				err := p.tmpl.ExecuteTemplate(w, p.files[i].src, data)
				w.release()
				if err == nil {
					out[i] = w.buf.Bytes()
					if out[i] == nil {
						out[i] = []byte{}
					}
				}
			}
		})
	}
	wg.Wait()
	if budget.Load() < 0 {
		return ahead{}
	}
	return ahead{out: out}
}

// execute gives w what executing the template name of p.files[i] on data
// gives: the bytes rendered ahead, within w's size limit (which the pack's
// running total sets) but not its clock (they were rendered in time), or,
// when there are none, the template executed now.
func (a ahead) execute(w *boundedWriter, i int, t *template.Template, name string, data map[string]any) error {
	if a.out == nil || a.out[i] == nil {
		return t.ExecuteTemplate(w, name, data)
	}
	if int64(w.buf.Len()+len(a.out[i])) > w.max {
		w.overflow = true
		return errStopped
	}
	w.buf.Write(a.out[i])
	return nil
}
