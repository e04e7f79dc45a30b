// Command benchtable measures crane's speed targets against their floors in
// one run, commands interleaved, and prints the table README.md records
// (./build.sh bench runs it after the Go benchmarks). Every figure is a ratio
// between commands measured side by side on the same machine in the same
// minute, because absolute times on a shared machine mean little.
//
// It builds crane and two floor programs (an empty Go program, and a static
// Go program that writes the same files crane init writes, embedded), then
// times crane init against them and against cp -a of the finished tree,
// crane version and --help against the empty program, crane packs against
// crane version, the peak RSS of init, a first crane assemble of a
// 100,000-file git repository against one filepath.WalkDir of it, and
// cookiecutter on an 8-file template when cookiecutter is installed.
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

func main() {
	runs := flag.Int("runs", 40, "runs of each command (medians are reported)")
	files := flag.Int("files", 100_000, "files in the assemble repository (0 skips it)")
	flag.Parse()
	if err := run(*runs, *files); err != nil {
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(1)
	}
}

func run(runs, files int) error {
	work, err := scratch()
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	b := &bench{work: work}
	if err := b.build(); err != nil {
		return err
	}
	rows, err := b.measure(runs)
	if err != nil {
		return err
	}
	if files > 0 {
		r, err := b.assemble(files, max(runs/8, 3))
		if err != nil {
			return err
		}
		rows = append(rows, r)
	}
	fmt.Println("| measure | crane | reference | ratio | target |")
	fmt.Println("|---|---|---|---|---|")
	for _, r := range rows {
		fmt.Println(r)
	}
	return nil
}

// scratch is a temporary folder in memory when /dev/shm is there, so that
// the disk does not decide the figures.
func scratch() (string, error) {
	if info, err := os.Stat("/dev/shm"); err == nil && info.IsDir() {
		return os.MkdirTemp("/dev/shm", "crane-bench-")
	}
	return os.MkdirTemp("", "crane-bench-")
}

type bench struct {
	work                string
	crane, empty, floor string
	tree                string // crane init's output, rendered once
}

// timed runs cmd once in dir and returns its wall time and peak RSS (KiB).
func timed(dir string, name string, args ...string) (time.Duration, int64, error) {
	c := exec.Command(name, args...)
	c.Dir = dir
	c.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "HOME="+dir)
	start := time.Now()
	out, err := c.CombinedOutput()
	d := time.Since(start)
	if err != nil {
		return 0, 0, fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return d, peakRSS(c.ProcessState), nil
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d.Microseconds())/1000) }

// walk counts the entries below dir, as filepath.WalkDir sees them.
func walk(dir string) (time.Duration, error) {
	start := time.Now()
	err := filepath.WalkDir(dir, func(_ string, _ fs.DirEntry, err error) error { return err })
	return time.Since(start), err
}
