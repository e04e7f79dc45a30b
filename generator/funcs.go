package generator

import (
	"encoding/xml"
	"fmt"
	"maps"
	"path"
	"strings"
	"sync"
	"text/template"

	"github.com/Masterminds/sprig/v3"
	"github.com/iancoleman/strcase"

	"github.com/ewilde/crane/generator/ecosystem"
	"github.com/ewilde/crane/generator/ecosystem/all"
	"github.com/ewilde/crane/generator/ecosystem/dotnet"
	"github.com/ewilde/crane/internal/lazyre"
)

// unhermetic are the sprig functions a pack may not call: they read the
// environment, the clock, the network or a random source, so the same inputs
// would not give the same bytes (or a pack could read the user's secrets).
var unhermetic = []string{
	"env", "expandenv", "getHostByName",
	"now", "date", "dateInZone", "date_in_zone", "dateModify", "date_modify",
	"mustDateModify", "must_date_modify", "ago", "duration", "durationRound",
	"htmlDate", "htmlDateInZone", "unixEpoch", "toDate", "mustToDate",
	"randAlphaNum", "randAlpha", "randAscii", "randNumeric", "randBytes", "randInt",
	"shuffle", "uuidv4", "bcrypt", "htpasswd", "encryptAES", "decryptAES",
	"genPrivateKey", "derivePassword", "buildCustomCert", "genCA", "genCAWithKey",
	"genSelfSignedCert", "genSelfSignedCertWithKey", "genSignedCert", "genSignedCertWithKey",
}

// funcMap is built once, on first use (crane version and --help never
// build it): sprig's functions less the unhermetic ones, plus crane's own.
var funcMap = sync.OnceValue(buildFuncMap)

func buildFuncMap() template.FuncMap {
	m := sprig.TxtFuncMap()
	for _, name := range unhermetic {
		delete(m, name)
	}
	for name, fn := range craneFuncs() {
		m[name] = fn
	}
	guardFuncs(m)
	return m
}

// FuncNames lists the functions packs render with, sorted. Tests use it to
// prove the map is hermetic.
func FuncNames() []string { return sortedKeys(funcMap()) }

func craneFuncs() template.FuncMap {
	m := template.FuncMap{
		"pascal":      strcase.ToCamel,
		"camel":       strcase.ToLowerCamel,
		"kebab":       strcase.ToKebab,
		"snake":       strcase.ToSnake,
		"screamSnake": strcase.ToScreamingSnake,
		"xml":         xmlEscape,
		"msbuild":     msbuildEscape,
		"shq":         shellQuote,
		"psquote":     powershellQuote,
		"psq":         powershellQuote, // the older name of psquote
		"guid":        DeriveGUID,
		"pathBase":    path.Base,
		"toml":        tomlString,
		"fail":        failFunc, // a refusal of the values, not a broken pack (see checks.go)
	}
	for _, e := range all.Ecosystems() {
		if f, ok := e.(ecosystem.FuncMapper); ok {
			maps.Copy(m, f.Funcs())
		}
	}
	return m
}

// DeriveGUID returns the upper-case UUID v5 of the joined parts in crane's
// namespace (see dotnet.DeriveGUID, where it lives so that the dotnet
// ecosystem's solution edits derive GUIDs as the templates do).
func DeriveGUID(parts ...string) string { return dotnet.DeriveGUID(parts...) }

func xmlEscape(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// msbuildEscape escapes s for the text of an MSBuild property: the
// characters MSBuild expands or unescapes ($(...), @(...), %XX) as %XX, which
// MSBuild turns back into them, then the XML escapes.
func msbuildEscape(s string) string {
	return xmlEscape(strings.NewReplacer("%", "%25", "$", "%24", "@", "%40").Replace(s))
}

var shellSafeRe = lazyre.New(`^[A-Za-z0-9_./:@%+=,-]+$`)

// shellQuote quotes s for POSIX sh: single quotes, with embedded ones closed,
// escaped and reopened.
func shellQuote(s string) string {
	if s != "" && shellSafeRe.MatchString(s) {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// psQuotes are the characters that open or close a PowerShell single-quoted
// string: the ASCII apostrophe and the curly single quotes U+2018, U+2019,
// U+201A and U+201B, which PowerShell's tokenizer treats as the same quote.
const psQuotes = "'\u2018\u2019\u201a\u201b"

// powershellQuote quotes s as a PowerShell single-quoted string, in which
// nothing is expanded: every quote character in s, curly ones included, is
// doubled, which PowerShell reads as that one character.
func powershellQuote(s string) string {
	var b strings.Builder
	b.WriteByte('\'')
	for _, r := range s {
		if strings.ContainsRune(psQuotes, r) {
			b.WriteRune(r)
		}
		b.WriteRune(r)
	}
	b.WriteByte('\'')
	return b.String()
}

// newTemplate is a new template set with the func map. Funcs checks every
// function by reflection, so a pack makes one set and parses all its
// templates into it (see Pack.tmpl).
func newTemplate(name string) *template.Template {
	return template.New(name).Option("missingkey=error").Funcs(funcMap())
}

var tmplErrRe = lazyre.New(`^template: ([^:]+):(\d+)(?::\d+)?: (?:executing "[^"]*" at (<[^>]*>): )?(.*)$`)

// TemplateError is a template that failed to parse or execute, named by its
// pack file and line: "dotnet/build/executable_build.sh.tmpl:12: ...".
type TemplateError struct {
	File string
	Line int
	Msg  string
}

func (e *TemplateError) Error() string {
	if e.Line == 0 {
		return e.File + ": " + e.Msg
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// templateError rewrites text/template's "template: NAME:LINE:COL: ..." into a
// *TemplateError.
func templateError(err error) error {
	m := tmplErrRe.FindStringSubmatch(err.Error())
	if m == nil {
		return err
	}
	var line int
	fmt.Sscanf(m[2], "%d", &line)
	msg := m[4]
	if m[3] != "" {
		msg = m[3] + ": " + msg
	}
	return &TemplateError{File: m[1], Line: line, Msg: msg}
}
