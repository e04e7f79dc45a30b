package generator

import (
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"text/template"

	"github.com/Masterminds/sprig/v3"
)

// Caps on what one template function may make, so a pack cannot exhaust
// memory between two writes (the bounded writer only sees output).
const (
	maxValueBytes = 4 << 20 // a string a function returns
	maxListLen    = 1 << 16 // a list or map a function returns
	maxFmtWidth   = 4096    // a printf width or precision
)

// guardFuncs caps the functions of m. Those whose allocation an argument
// sets (repeat, indent, until, printf widths, replace, join, wrapWith) are
// checked before the call; every function's string, list or map result is
// checked after it. A function over a cap panics, which text/template
// turns into an error naming the template file and line. printf is
// text/template's builtin, replaced by a checked one.
func guardFuncs(m template.FuncMap) {
	for name, fn := range m {
		m[name] = guardResult(name, fn)
	}
	s := sprig.TxtFuncMap()
	m["repeat"] = func(count int, str string) string {
		capBytes("repeat", int64(count)*int64(len(str)))
		return s["repeat"].(func(int, string) string)(count, str)
	}
	indent := func(name string) func(int, string) string {
		return func(spaces int, v string) string {
			capBytes(name, int64(spaces)*int64(strings.Count(v, "\n")+1)+int64(len(v)))
			return s[name].(func(int, string) string)(spaces, v)
		}
	}
	m["indent"], m["nindent"] = indent("indent"), indent("nindent")
	m["until"] = func(count int) []int {
		capLen("until", int64(count))
		return s["until"].(func(int) []int)(count)
	}
	m["untilStep"] = func(start, stop, step int) []int {
		if step != 0 {
			capLen("untilStep", (int64(stop)-int64(start))/int64(step))
		}
		return s["untilStep"].(func(int, int, int) []int)(start, stop, step)
	}
	m["seq"] = func(params ...int) string {
		if len(params) > 0 {
			capLen("seq", int64(params[len(params)-1])-int64(params[0]))
		}
		return s["seq"].(func(...int) string)(params...)
	}
	m["replace"] = func(old, new, src string) string {
		capBytes("replace", int64(len(src))+int64(len(src))/int64(max(1, len(old)))*int64(len(new)))
		return strings.ReplaceAll(src, old, new)
	}
	m["join"] = func(sep string, v any) string {
		if rv := reflect.ValueOf(v); rv.Kind() == reflect.Slice {
			capBytes("join", int64(rv.Len())*int64(len(sep)))
		}
		return s["join"].(func(string, any) string)(sep, v)
	}
	m["wrapWith"] = func(length int, sep, str string) string {
		capBytes("wrapWith", int64(len(str))*int64(len(sep)+1))
		return s["wrapWith"].(func(int, string, string) string)(length, sep, str)
	}
	m["printf"] = func(format string, args ...any) string {
		checkFormat(format)
		return capString("printf", fmt.Sprintf(format, args...))
	}
}

var fmtWidthRe = regexp.MustCompile(`%[-+# 0]*(\*|\d+)?(?:\.(\*|\d+))?`)

// checkFormat refuses a printf verb with a width or precision from an
// argument (*) or over maxFmtWidth: fmt would pad to it first.
func checkFormat(format string) {
	for _, m := range fmtWidthRe.FindAllStringSubmatch(format, -1) {
		for _, n := range m[1:] {
			if n == "*" || len(n) > 4 || n != "" && atoi(n) > maxFmtWidth {
				panic(fmt.Errorf("printf: a width or precision over %d, or from an argument (*), is not allowed in a pack", maxFmtWidth))
			}
		}
	}
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

func capBytes(name string, n int64) {
	if n > maxValueBytes {
		panic(fmt.Errorf("%s would make %d bytes, over the %d a pack function may make", name, n, maxValueBytes))
	}
}

func capLen(name string, n int64) {
	if n > maxListLen || n < -maxListLen {
		panic(fmt.Errorf("%s would make a list of %d items, over the %d a pack function may make", name, n, maxListLen))
	}
}

func capString(name, s string) string {
	capBytes(name, int64(len(s)))
	return s
}

func capList(name string, l []string) []string {
	capLen(name, int64(len(l)))
	return l
}

// guardResult wraps fn so that a string, list or map it returns over the
// caps panics. Functions that return only numbers or bools are left as
// they are. The commonest shapes (upper, trimSuffix, cat, quote...) get a
// plain closure; the rest a reflect.MakeFunc one, whose call through
// reflection costs about as much again as text/template's own.
func guardResult(name string, fn any) any {
	switch f := fn.(type) {
	case func(string) string:
		return func(s string) string { return capString(name, f(s)) }
	case func(string, string) string:
		return func(a, b string) string { return capString(name, f(a, b)) }
	case func(string, string, string) string:
		return func(a, b, c string) string { return capString(name, f(a, b, c)) }
	case func(any) string:
		return func(a any) string { return capString(name, f(a)) }
	case func(...any) string:
		return func(a ...any) string { return capString(name, f(a...)) }
	case func(int, string) string:
		return func(n int, s string) string { return capString(name, f(n, s)) }
	case func(any) []any:
		return func(a any) []any {
			l := f(a)
			capLen(name, int64(len(l)))
			return l
		}
	case func(string) []string:
		return func(s string) []string { return capList(name, f(s)) }
	case func(string, string) []string:
		return func(a, b string) []string { return capList(name, f(a, b)) }
	}
	v := reflect.ValueOf(fn)
	t := v.Type()
	risky := false
	for i := 0; i < t.NumOut(); i++ {
		switch t.Out(i).Kind() {
		case reflect.String, reflect.Slice, reflect.Map, reflect.Interface:
			risky = true
		}
	}
	if !risky {
		return fn
	}
	return reflect.MakeFunc(t, func(args []reflect.Value) []reflect.Value {
		var out []reflect.Value
		if t.IsVariadic() {
			out = v.CallSlice(args)
		} else {
			out = v.Call(args)
		}
		for _, r := range out {
			checkValue(name, r)
		}
		return out
	}).Interface()
}

func checkValue(name string, r reflect.Value) {
	if r.Kind() == reflect.Interface {
		if r.IsNil() {
			return
		}
		r = r.Elem()
	}
	switch r.Kind() {
	case reflect.String:
		capBytes(name, int64(r.Len()))
	case reflect.Slice:
		if r.Type().Elem().Kind() == reflect.Uint8 {
			capBytes(name, int64(r.Len()))
		} else {
			capLen(name, int64(r.Len()))
		}
	case reflect.Map:
		capLen(name, int64(r.Len()))
	}
}
