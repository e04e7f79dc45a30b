package python

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/ewilde/crane/generator/ecosystem"
)

// pythonName is a Python distribution name (PEP 508: letters, digits, ".",
// "-" and "_", starting and ending with a letter or digit). Its import name,
// PythonImportName(name), names the package under src/ and must be a valid,
// non-keyword identifier that does not shadow a standard library module.
type pythonName struct{}

// pythonKeywords are Python 3's reserved words (keyword.kwlist).
var pythonKeywords = map[string]bool{}

// pythonStdlib are the top-level standard library modules of Python 3.11
// (sys.stdlib_module_names, less the private ones), plus test, the
// interpreter's own test package.
var pythonStdlib = map[string]bool{}

func init() {
	for _, k := range strings.Fields(`False None True and as assert async await break class
		continue def del elif else except finally for from global if import in is lambda
		nonlocal not or pass raise return try while with yield`) {
		pythonKeywords[k] = true
	}
	for _, m := range strings.Fields(`abc aifc antigravity argparse array ast asynchat asyncio
		asyncore atexit audioop base64 bdb binascii bisect builtins bz2 cProfile calendar cgi
		cgitb chunk cmath cmd code codecs codeop collections colorsys compileall concurrent
		configparser contextlib contextvars copy copyreg crypt csv ctypes curses dataclasses
		datetime dbm decimal difflib dis distutils doctest email encodings ensurepip enum errno
		faulthandler fcntl filecmp fileinput fnmatch fractions ftplib functools gc genericpath
		getopt getpass gettext glob graphlib grp gzip hashlib heapq hmac html http idlelib
		imaplib imghdr imp importlib inspect io ipaddress itertools json keyword lib2to3
		linecache locale logging lzma mailbox mailcap marshal math mimetypes mmap modulefinder
		msilib msvcrt multiprocessing netrc nis nntplib nt ntpath nturl2path numbers opcode
		operator optparse os ossaudiodev pathlib pdb pickle pickletools pipes pkgutil platform
		plistlib poplib posix posixpath pprint profile pstats pty pwd py_compile pyclbr pydoc
		pydoc_data pyexpat queue quopri random re readline reprlib resource rlcompleter runpy
		sched secrets select selectors shelve shlex shutil signal site smtpd smtplib sndhdr
		socket socketserver spwd sqlite3 sre_compile sre_constants sre_parse ssl stat
		statistics string stringprep struct subprocess sunau symtable sys sysconfig syslog
		tabnanny tarfile telnetlib tempfile termios textwrap this threading time timeit tkinter
		token tokenize tomllib trace traceback tracemalloc tty turtle turtledemo types typing
		unicodedata unittest urllib uu uuid venv warnings wave weakref webbrowser winreg
		winsound wsgiref xdrlib xml xmlrpc zipapp zipfile zipimport zlib zoneinfo
		test`) {
		pythonStdlib[strings.ToLower(m)] = true
	}
}

// pythonProjectDirs are the folders of the generated project an import name
// must not take.
var pythonProjectDirs = map[string]bool{"src": true, "tests": true}

var (
	pythonDistRe     = regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$`)
	pythonBadCharRe  = regexp.MustCompile(`[^A-Za-z0-9._-]`)
	pythonSepRunRe   = regexp.MustCompile(`[-_.]+`)
	pythonIdentRe    = regexp.MustCompile(`^[a-z_][a-z0-9_]*$`)
	pythonNonIdentRe = regexp.MustCompile(`[^a-z0-9]+`)
)

// PythonImportName derives the import name of a distribution name: lower
// case, each run of "-", "_" and "." one underscore (PEP 503 normalisation
// with "_"): "Acme.Widget" -> "acme_widget". The python pack's ImportName
// computes the same with sprig.
func PythonImportName(name string) string {
	return pythonSepRunRe.ReplaceAllString(strings.ToLower(name), "_")
}

func (pythonName) Check(name string) []string {
	problems := ecosystem.PathProblems(name, 100)
	if name == "" {
		return problems
	}
	if bad := ecosystem.UniqueChars(pythonBadCharRe.FindAllString(name, -1)); bad != "" {
		problems = append(problems, fmt.Sprintf("it contains %q; a Python distribution name is letters, digits, \".\", \"-\" and \"_\"", bad))
	} else if !pythonDistRe.MatchString(name) {
		problems = append(problems, "it starts or ends with \".\", \"-\" or \"_\"; it must start and end with a letter or digit")
	}
	imp := PythonImportName(name)
	switch {
	case len(problems) > 0:
		// the import name follows from a valid distribution name
	case !pythonIdentRe.MatchString(imp):
		problems = append(problems, fmt.Sprintf("its import name %q starts with a digit", imp))
	case pythonKeywords[imp]:
		problems = append(problems, fmt.Sprintf("its import name %q is a Python keyword", imp))
	case pythonStdlib[imp]:
		problems = append(problems, fmt.Sprintf("its import name %q would shadow the standard library module %s", imp, imp))
	case pythonProjectDirs[imp]:
		problems = append(problems, fmt.Sprintf("its import name %q is taken by the project's folder %s/", imp, imp))
	}
	if ecosystem.WindowsReserved[strings.ToUpper(strings.SplitN(imp, ".", 2)[0])] {
		problems = append(problems, fmt.Sprintf("its import name %q is a name Windows reserves for a device, and it names the package folder", imp))
	}
	return problems
}

// Suggest lowercases the name and turns every run of other characters into
// one dash (the PEP 503 normal form): "My App" -> "my-app". A name whose
// import name is a keyword, a standard module or starts with a digit gets a
// "py" prefix: "json" -> "pyjson", "3d" -> "py3d".
func (r pythonName) Suggest(name string) string {
	if len(r.Check(name)) == 0 {
		return ""
	}
	s := strings.Trim(pythonNonIdentRe.ReplaceAllString(strings.ToLower(name), "-"), "-")
	if imp := PythonImportName(s); s != "" && (!pythonIdentRe.MatchString(imp) || pythonKeywords[imp] || pythonStdlib[imp] || pythonProjectDirs[imp]) {
		s = "py" + s
	}
	if s == "" || s == name || len(r.Check(s)) > 0 {
		return ""
	}
	return s
}
