// Package cmd is crane's command line: one file per command, each an options
// struct and a run function. Main is the one place that maps errors to exit
// codes.
package cmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"golang.org/x/term"

	"github.com/ewilde/crane/generator"
	"github.com/ewilde/crane/generator/packsrc"
	upd "github.com/ewilde/crane/generator/update"
	"github.com/ewilde/crane/templates"
)

// Exit codes.
const (
	exitOK       = 0
	exitFailure  = 1
	exitUsage    = 2
	exitConflict = 3
	exitDrift    = 4 // status --check: drift, or a newer pack
)

// env is what every command gets from outside: the streams, the packs, git,
// the clock and whether a person is at the keyboard. Tests build their own.
type env struct {
	in          io.Reader
	out, errOut io.Writer
	packs       generator.PackSource
	git         generator.Git
	now         func() time.Time
	interactive bool
	ctx         context.Context
	fault       func(op int) // crash tests: run after each file-system change
}

// Main runs crane with args and returns the exit code: 0 ok, 1 failure,
// 2 usage (bad flag, bad name, missing or bad value, broken pack), 3 conflicts
// (a plan that cannot be applied, or update's conflict markers), 4 status
// --check found drift or a newer pack.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	tuneGC()
	return mainWith(generator.NewPackSource(templates.Packs()).WithKept(templates.Kept()), args, stdin, stdout, stderr)
}

// mainWith is Main with the packs given (tests serve their own).
func mainWith(packs generator.PackSource, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return newEnv(ctx, packs, stdin, stdout, stderr).run(args)
}

// newEnv is the environment of a real run.
func newEnv(ctx context.Context, packs generator.PackSource, stdin io.Reader, stdout, stderr io.Writer) *env {
	return &env{
		in: stdin, out: stdout, errOut: stderr,
		packs:       packs.WithContext(ctx),
		git:         generator.GoGit{},
		now:         time.Now,
		interactive: isTerminal(stdin),
		ctx:         ctx,
	}
}

func (e *env) run(args []string) int {
	root := newRootCmd(e)
	root.SetArgs(args)
	root.SetIn(e.in)
	root.SetOut(e.out)
	root.SetErr(e.errOut)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	fmt.Fprintf(e.errOut, "crane: %v\n", err)
	return exitCode(err)
}

// ranError marks an error returned by a command's run function, so that
// every other error is known to come from cobra's parsing: a usage error.
type ranError struct{ err error }

func (r *ranError) Error() string { return r.err.Error() }
func (r *ranError) Unwrap() error { return r.err }

// usageError is a usage problem found by a run function.
type usageError struct{ err error }

func (u *usageError) Error() string { return u.err.Error() }
func (u *usageError) Unwrap() error { return u.err }

func usageErrorf(format string, args ...any) error {
	return &usageError{fmt.Errorf(format, args...)}
}

func exitCode(err error) int {
	var ran *ranError
	if !errors.As(err, &ran) {
		return exitUsage // cobra: unknown command, bad flag, wrong arguments
	}
	var (
		usage    *usageError
		values   *generator.ValuesError
		pack     *generator.PackError
		unknown  *generator.UnknownPackError
		conflict *generator.ConflictError
		markers  *upd.ConflictsError
		drift    *driftError
		source   *packsrc.BadSourceError
		unsafe   *packsrc.UnsafeError
	)
	switch {
	case errors.As(err, &drift):
		return exitDrift
	case errors.As(err, &conflict), errors.As(err, &markers):
		return exitConflict
	case errors.As(err, &usage), errors.As(err, &values), errors.As(err, &pack), errors.As(err, &unknown),
		errors.As(err, &source), errors.As(err, &unsafe):
		return exitUsage
	}
	return exitFailure
}

func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// facts are the machine's defaults: the author from git, the year from the
// clock.
func (e *env) facts() generator.Facts {
	f := generator.ReadFacts(e.git)
	f.Year = e.now().Year()
	return f
}
