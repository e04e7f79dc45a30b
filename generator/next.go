package generator

import "strings"

// NextSteps renders the pack's next template (pack.yaml next: what to do
// after crane init, as a template hook would print it) with vals, bounded
// like every template. It returns "" when the pack has none, or when it
// renders only spaces. A fail in it refuses the values (see checks.go).
func (p *Pack) NextSteps(vals Values) (string, error) {
	text := p.Next
	if p.next != nil {
		s, err := p.execBounded(p.next, templateData(vals, nil))
		if err != nil {
			return "", p.refused(err)
		}
		text = s
	}
	lines := strings.Split(strings.TrimSpace(text), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t\r")
	}
	return strings.Join(lines, "\n"), nil
}
