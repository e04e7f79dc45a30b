// Package generator is crane's engine: it loads template packs, resolves their
// variables, renders them into a Tree without doing any IO (Render), compares the
// Tree with a target directory and its lock file (Plan, which only reads), and
// writes the result atomically, rolling back on any failure (Apply, the only
// writer).
package generator
