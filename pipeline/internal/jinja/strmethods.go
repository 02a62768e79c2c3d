package jinja

import (
	"reflect"

	"github.com/nikolalohinski/gonja/v2/builtins"
	"github.com/nikolalohinski/gonja/v2/exec"
)

// gonja's string methods return its own string type (pystring.PyString),
// which prints as a string but never equals one: 'A'.lower() == 'a' was
// false and 'A'.lower() in {'a': 1} too. plainStrMethods wraps each of them
// so results are plain strings (and lists of plain strings), as in Python;
// replace's count is optional, as in Python.
var gonjaStrMethods = []string{"capitalize", "capwords", "casefold", "center", "count", "encode", "endswith",
	"expandtabs", "find", "format", "format_map", "isalnum", "isalpha", "isascii", "isdecimal", "isdigit",
	"islower", "isnumeric", "isprintable", "isspace", "istitle", "isupper", "join", "ljust", "lower", "lstrip",
	"partition", "removeprefix", "removesuffix", "replace", "rfind", "rjust", "rpartition", "rsplit", "rstrip",
	"split", "splitlines", "startswith", "strip", "swapcase", "title", "upper", "zfill"}

func plainStrMethods() *exec.MethodSet[string] {
	m := map[string]exec.Method[string]{}
	for _, name := range gonjaStrMethods {
		f, ok := builtins.Methods.Str.Get(name)
		if !ok {
			continue
		}
		m[name] = func(self string, v *exec.Value, a *exec.VarArgs) (any, error) {
			if _, counted := a.KwArgs["count"]; name == "replace" && len(a.Args) == 2 && !counted {
				// Python's count is optional: every occurrence.
				a.Args = append(a.Args, exec.AsValue(-1))
			}
			out, err := f(self, v, a)
			return plainStrings(out), err
		}
	}
	return exec.NewMethodSet(m)
}

// plainStrings turns a value of a named string type into a string, and a
// slice of them into a list of strings.
func plainStrings(v any) any {
	rv := reflect.ValueOf(v)
	switch {
	case !rv.IsValid():
		return v
	case rv.Kind() == reflect.String:
		return rv.String()
	case rv.Kind() == reflect.Slice && rv.Type().Elem().Kind() == reflect.String:
		out := make([]any, rv.Len())
		for i := range out {
			out[i] = rv.Index(i).String()
		}
		return out
	}
	return v
}
