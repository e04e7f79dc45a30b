package cmd

import (
	"fmt"
	"strings"

	"github.com/ewilde/crane/generator"
	"github.com/ewilde/crane/generator/ecosystem"
	"github.com/ewilde/crane/internal/lazyre"
)

// branchWord is a branch name a workflow's branches: list can hold unquoted.
var branchWord = lazyre.New(`^[A-Za-z0-9_][A-Za-z0-9._/-]*$`)

// defaultBranch reads the repository's default branch into the DefaultBranch
// fact of packs that declare it, and returns it ("" when there is no
// repository, no branch, or the pack has no such variable: the pack's
// default, main, stands for a new repository).
func defaultBranch(repo *generator.GitRepo, p *generator.Pack, found *ecosystem.Facts) string {
	if repo == nil || !p.Declares("DefaultBranch") {
		return ""
	}
	branch, _ := repo.DefaultBranch()
	if branch == "" {
		return ""
	}
	if !branchWord.MatchString(branch) {
		found.Notes = append(found.Notes, fmt.Sprintf("the default branch %q cannot be written in the workflow as it is; give a branch pattern with --set DefaultBranch=...", branch))
		return ""
	}
	if found.Values == nil {
		found.Values = map[string]string{}
	}
	found.Values["DefaultBranch"] = branch
	return branch
}

// branchNote says which branch the workflow runs on and where that was read.
func branchNote(branch string, repo *generator.GitRepo) string {
	_, from := repo.DefaultBranch()
	return fmt.Sprintf("the workflow runs on pushes to %s, the repository's default branch (%s); choose another with --set DefaultBranch=...", branch, from)
}

// writesWorkflow reports whether the plan writes a GitHub Actions workflow.
func writesWorkflow(plan *generator.Plan) bool {
	for _, a := range plan.Actions {
		if a.Kind.Writes() && strings.HasPrefix(a.Path, ".github/workflows/") {
			return true
		}
	}
	return false
}

// sparseNote says which files the plan creates outside a sparse checkout's
// set, where `git add` skips them, and what to do.
func sparseNote(repo *generator.GitRepo, plan *generator.Plan) (string, error) {
	if repo == nil {
		return "", nil
	}
	var created []string
	for _, a := range plan.Actions {
		if a.Kind == generator.KindCreate {
			created = append(created, a.Path)
		}
	}
	out, err := repo.OutsideSparse(plan.Root, created)
	if err != nil || len(out) == 0 {
		return "", err
	}
	return fmt.Sprintf("this is a sparse checkout, and %s %s outside its sparse set: git add skips %s unless given --sparse; or widen the set with git sparse-checkout add FOLDER",
		strings.Join(out, ", "), plural(len(out), "is", "are"), plural(len(out), "it", "them")), nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
