package msbuild

import (
	"strconv"
	"strings"
)

// condFunc evaluates the functions a condition may call.
func (e *evaluator) condFunc(name string, raw []string) Value {
	args := e.args(raw, 0)
	for _, a := range args {
		if !a.Known() {
			return a
		}
	}
	switch strings.ToLower(name) {
	case "exists":
		if len(args) != 1 {
			break
		}
		if strings.TrimSpace(args[0].Text) == "" {
			return Value{Text: "false"}
		}
		rel, ok := resolveFrom(e.project, args[0].Text)
		if !ok {
			return unknown("Exists('" + args[0].Text + "'), a path outside the repository or with a wildcard")
		}
		return Value{Text: strconv.FormatBool(e.files.Exists(rel))}.assume(args[0].Assumed...)
	case "hastrailingslash":
		if len(args) != 1 {
			break
		}
		t := args[0].Text
		return Value{Text: strconv.FormatBool(strings.HasSuffix(t, "/") || strings.HasSuffix(t, `\`))}.assume(args[0].Assumed...)
	}
	return unknown("a condition function crane does not evaluate: " + name + "()")
}

// truth reads an operand standing alone as a boolean.
func truth(v Value) outcome {
	if !v.Known() {
		return outcome{v: maybe, why: v.Unknown, assumed: v.Assumed}
	}
	switch strings.ToLower(strings.TrimSpace(v.Text)) {
	case "true", "on", "yes":
		return outcome{v: yes, assumed: v.Assumed}
	case "false", "off", "no":
		return outcome{v: no, assumed: v.Assumed}
	case "!true", "!on", "!yes":
		return outcome{v: no, assumed: v.Assumed}
	case "!false", "!off", "!no":
		return outcome{v: yes, assumed: v.Assumed}
	}
	return outcome{v: maybe, why: "'" + v.Text + "' is not a boolean", assumed: v.Assumed}
}

// compare compares two operands: as numbers when both are, else as text,
// ignoring case, as MSBuild does. Ordering needs numbers.
func compare(a Value, op string, b Value) outcome {
	assumed := append(append([]string(nil), a.Assumed...), b.Assumed...)
	switch {
	case !a.Known():
		return outcome{v: maybe, why: a.Unknown, assumed: assumed}
	case !b.Known():
		return outcome{v: maybe, why: b.Unknown, assumed: assumed}
	}
	x, errA := strconv.ParseFloat(strings.TrimSpace(a.Text), 64)
	y, errB := strconv.ParseFloat(strings.TrimSpace(b.Text), 64)
	numeric := errA == nil && errB == nil
	var r bool
	switch op {
	case "==":
		r = strings.EqualFold(a.Text, b.Text) || numeric && x == y
	case "!=":
		r = !(strings.EqualFold(a.Text, b.Text) || numeric && x == y)
	default:
		if !numeric {
			return outcome{v: maybe, why: "'" + a.Text + "' " + op + " '" + b.Text + "' compares text that is not a number", assumed: assumed}
		}
		r = op == "<" && x < y || op == ">" && x > y || op == "<=" && x <= y || op == ">=" && x >= y
	}
	if r {
		return outcome{v: yes, assumed: assumed}
	}
	return outcome{v: no, assumed: assumed}
}
