package jinja

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/nikolalohinski/gonja/v2/builtins"
	"github.com/nikolalohinski/gonja/v2/exec"
)

// gonja's string methods return its own string type (pystring.PyString),
// which prints as a string but never equals one: 'A'.lower() == 'a' was
// false and 'A'.lower() in {'a': 1} too. plainStrMethods wraps each of them
// so results are plain strings (and lists of plain strings), as in Python;
// replace's count is optional, as in Python, and so are the separator of
// split and rsplit and the characters of strip and its kin (whitespace).
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
			if out, ok := whitespaceDefault(name, self, a); ok {
				return out, nil
			}
			if (name == "ljust" || name == "rjust" || name == "center") && len(a.Args) == 1 && len(a.KwArgs) == 0 {
				// Python pads with spaces; gonja's default fill is the number 32
				a = &exec.VarArgs{Args: []*exec.Value{a.Args[0], exec.AsValue(" ")}, KwArgs: a.KwArgs}
			}
			if _, counted := a.KwArgs["count"]; name == "replace" && len(a.Args) == 2 && !counted {
				// Python's count is optional: every occurrence.
				a.Args = append(a.Args, exec.AsValue(-1))
			}
			out, err := f(self, v, a)
			out = plainStrings(out)
			if parts, ok := out.([]any); ok && (name == "partition" || name == "rpartition") {
				return tuple(parts), err // Python gives a tuple
			}
			return out, err
		}
	}
	m["format"] = func(self string, _ *exec.Value, a *exec.VarArgs) (any, error) {
		return pyStrFormat(self, a.Args, a.KwArgs)
	}
	m["format_map"] = func(self string, _ *exec.Value, a *exec.VarArgs) (any, error) {
		if len(a.Args) != 1 || len(a.KwArgs) > 0 || !isDict(a.Args[0]) {
			return nil, exec.ErrInvalidCall(fmt.Errorf("format_map() takes one mapping"))
		}
		kwargs := map[string]*exec.Value{}
		for _, p := range dictEntries(a.Args[0]) {
			kwargs[p.Key.String()] = p.Value
		}
		return pyStrFormat(self, nil, kwargs)
	}
	for name, f := range map[string]func(string) string{"upper": pyUpper, "lower": pyLower, "casefold": pyCasefold,
		"title": pyTitle, "capitalize": pyCapitalize, "swapcase": pySwapcase} {
		m[name] = func(self string, _ *exec.Value, a *exec.VarArgs) (any, error) {
			if len(a.Args) > 0 || len(a.KwArgs) > 0 {
				return nil, exec.ErrInvalidCall(fmt.Errorf("%s() takes no arguments", name))
			}
			return f(self), nil
		}
	}
	m["startswith"] = func(self string, _ *exec.Value, a *exec.VarArgs) (any, error) {
		return pyAffixMatch("startswith", self, a, false)
	}
	m["endswith"] = func(self string, _ *exec.Value, a *exec.VarArgs) (any, error) {
		return pyAffixMatch("endswith", self, a, true)
	}
	m["expandtabs"] = func(self string, _ *exec.Value, a *exec.VarArgs) (any, error) {
		size := exec.AsValue(8)
		if t, ok := a.KwArgs["tabsize"]; ok {
			size = t
		}
		if len(a.Args) == 1 {
			size = a.Args[0]
		}
		if len(a.Args) > 1 || !size.IsInteger() || len(a.KwArgs) > 1 || len(a.KwArgs) == 1 && len(a.Args) == 1 {
			return nil, exec.ErrInvalidCall(fmt.Errorf("expandtabs() takes one integer tabsize"))
		}
		if size.Integer() > MaxOutputBytes {
			return nil, fmt.Errorf("expandtabs() tabsize %d is larger than a template's output may be", size.Integer())
		}
		return pyExpandTabs(self, size.Integer()), nil
	}
	m["maketrans"] = strMaketrans
	m["translate"] = strTranslate
	m["join"] = strJoin
	m["count"] = strCount
	m["find"] = func(self string, _ *exec.Value, a *exec.VarArgs) (any, error) { return strFind(self, a, false) }
	m["rfind"] = func(self string, _ *exec.Value, a *exec.VarArgs) (any, error) { return strFind(self, a, true) }
	for _, name := range []string{"split", "rsplit"} {
		m[name] = func(self string, _ *exec.Value, a *exec.VarArgs) (any, error) {
			if out, ok := whitespaceDefault(name, self, a); ok {
				return out, nil
			}
			return strSplit(self, a, name == "rsplit")
		}
	}
	// index and rindex are find and rfind that fail when the text is not
	// there, as in Python; gonja has no such methods.
	for name, find := range map[string]string{"index": "find", "rindex": "rfind"} {
		f := m[find]
		m[name] = func(self string, v *exec.Value, a *exec.VarArgs) (any, error) {
			out, err := f(self, v, a)
			if i, ok := out.(int); err == nil && ok && i < 0 {
				return nil, fmt.Errorf("substring not found")
			}
			return out, err
		}
	}
	return exec.NewMethodSet(m)
}

// strJoin is str.join(iterable): the items, which must be strings, with
// the string between them; gonja's panicked on a list literal.
func strJoin(self string, _ *exec.Value, a *exec.VarArgs) (any, error) {
	if len(a.Args) != 1 || len(a.KwArgs) > 0 {
		return nil, exec.ErrInvalidCall(fmt.Errorf("join() takes exactly one argument"))
	}
	in := a.Args[0]
	if !in.IsIterable() {
		return nil, fmt.Errorf("TypeError: can only join an iterable")
	}
	var parts []string
	var err error
	in.Iterate(func(i, _ int, k, _ *exec.Value) bool {
		if !k.IsString() {
			err = fmt.Errorf("TypeError: sequence item %d: expected str instance, %s found", i, pyTypeName(k))
			return false
		}
		parts = append(parts, k.String())
		return true
	}, func() {})
	if err != nil {
		return nil, err
	}
	return strings.Join(parts, self), nil
}

// strCount is str.count(sub[, start[, end]]): the occurrences of sub that
// do not overlap, in the characters from start to end (Python's slice);
// gonja's counted the string in itself.
func strCount(self string, _ *exec.Value, a *exec.VarArgs) (any, error) {
	if len(a.Args) < 1 || len(a.Args) > 3 || len(a.KwArgs) > 0 || !a.Args[0].IsString() {
		return nil, exec.ErrInvalidCall(fmt.Errorf("count() takes a string and at most a start and an end"))
	}
	r := []rune(self)
	bound := func(i int, def int) int {
		if i >= len(a.Args) || a.Args[i].IsNil() || isNone(a.Args[i]) {
			return def
		}
		n := a.Args[i].Integer()
		if n < 0 {
			n += len(r)
		}
		return min(max(n, 0), len(r))
	}
	start, end := bound(1, 0), bound(2, len(r))
	if start > end {
		return 0, nil
	}
	return strings.Count(string(r[start:end]), a.Args[0].String()), nil
}

// strFind is str.find(sub[, start[, end]]) and rfind: the character index
// of sub in the whole string, looked for between start and end (Python's
// slice), or -1; gonja's counted from start and in bytes.
func strFind(self string, a *exec.VarArgs, last bool) (any, error) {
	sub, start, end, ok := subRange(self, a)
	if !ok {
		return nil, exec.ErrInvalidCall(fmt.Errorf("find() takes a string and at most a start and an end"))
	}
	r := []rune(self)
	if start > len(r) || start > end {
		return -1, nil
	}
	seg := string(r[start:end])
	i := strings.Index(seg, sub)
	if last {
		i = strings.LastIndex(seg, sub)
	}
	if i < 0 {
		return -1, nil
	}
	return start + utf8.RuneCountInString(seg[:i]), nil
}

// subRange reads (sub[, start[, end]]) with start and end cut to the
// string's characters as a Python slice's are.
func subRange(self string, a *exec.VarArgs) (sub string, start, end int, ok bool) {
	if len(a.Args) < 1 || len(a.Args) > 3 || len(a.KwArgs) > 0 || !a.Args[0].IsString() {
		return "", 0, 0, false
	}
	n := utf8.RuneCountInString(self)
	bound := func(i int, def int) int {
		if i >= len(a.Args) || a.Args[i].IsNil() || isNone(a.Args[i]) {
			return def
		}
		v := a.Args[i].Integer()
		if v < 0 {
			v += n
		}
		return min(max(v, 0), n)
	}
	return a.Args[0].String(), bound(1, 0), bound(2, n), true
}

// strSplit is str.split(sep, maxsplit) and rsplit with a separator: at
// most maxsplit cuts, from the left or, for rsplit, from the right; gonja's
// ignored maxsplit.
func strSplit(self string, a *exec.VarArgs, fromRight bool) (any, error) {
	sep, maxsplit := a.KwArgs["sep"], a.KwArgs["maxsplit"]
	if len(a.Args) > 0 {
		sep = a.Args[0]
	}
	if len(a.Args) > 1 {
		maxsplit = a.Args[1]
	}
	if len(a.Args) > 2 || sep == nil || !sep.IsString() {
		return nil, exec.ErrInvalidCall(fmt.Errorf("split() takes a separator and a maxsplit"))
	}
	if sep.String() == "" {
		return nil, fmt.Errorf("ValueError: empty separator")
	}
	limit := -1
	if maxsplit != nil && !maxsplit.IsNil() && !isNone(maxsplit) {
		limit = maxsplit.Integer()
	}
	var parts []string
	switch {
	case limit < 0:
		parts = strings.Split(self, sep.String())
	case !fromRight:
		parts = strings.SplitN(self, sep.String(), limit+1)
	default:
		rest := self
		for ; limit > 0; limit-- {
			i := strings.LastIndex(rest, sep.String())
			if i < 0 {
				break
			}
			parts = append(parts, rest[i+len(sep.String()):])
			rest = rest[:i]
		}
		parts = append(parts, rest)
		slices.Reverse(parts)
	}
	out := make([]any, len(parts))
	for i, p := range parts {
		out[i] = p
	}
	return out, nil
}

// whitespaceDefault is Python's split, rsplit, strip, lstrip and rstrip
// without a separator (or with None): gonja's default is a single space.
func whitespaceDefault(name, s string, a *exec.VarArgs) (any, bool) {
	if len(a.KwArgs) > 0 || len(a.Args) > 0 && !a.Args[0].IsNil() {
		return nil, false
	}
	switch name {
	case "strip":
		return strings.TrimFunc(s, unicode.IsSpace), true
	case "lstrip":
		return strings.TrimLeftFunc(s, unicode.IsSpace), true
	case "rstrip":
		return strings.TrimRightFunc(s, unicode.IsSpace), true
	case "split", "rsplit":
		max := -1
		if len(a.Args) > 1 {
			if !a.Args[1].IsInteger() {
				return nil, false
			}
			max = a.Args[1].Integer()
		}
		return splitWhitespace(s, max, name == "rsplit"), true
	}
	return nil, false
}

// splitWhitespace cuts s at runs of whitespace, at most max times (-1: no
// limit) from the left, or from the right for rsplit; the part left over
// keeps its inner whitespace, as in Python.
func splitWhitespace(s string, max int, fromRight bool) []any {
	out := []any{}
	for max != 0 {
		if fromRight {
			s = strings.TrimRightFunc(s, unicode.IsSpace)
			i := strings.LastIndexFunc(s, unicode.IsSpace)
			if i < 0 {
				break
			}
			_, size := utf8.DecodeRuneInString(s[i:])
			out = append([]any{s[i+size:]}, out...)
			s = s[:i]
		} else {
			s = strings.TrimLeftFunc(s, unicode.IsSpace)
			i := strings.IndexFunc(s, unicode.IsSpace)
			if i < 0 {
				break
			}
			out = append(out, s[:i])
			s = s[i:]
		}
		max--
	}
	if fromRight {
		if s = strings.TrimRightFunc(s, unicode.IsSpace); s != "" {
			out = append([]any{s}, out...)
		}
	} else if s = strings.TrimLeftFunc(s, unicode.IsSpace); s != "" {
		out = append(out, s)
	}
	return out
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

// pyAffixMatch is Python's str.startswith / str.endswith (suffix true):
// the affix a string or a tuple of strings (any matches), start and end
// slice indices (negative from the end, None for none), as CPython's
// tailmatch reads them: the empty string does not end with 'x', where gonja
// answered that it does.
func pyAffixMatch(name, self string, a *exec.VarArgs, suffix bool) (any, error) {
	if len(a.KwArgs) > 0 {
		return nil, exec.ErrInvalidCall(fmt.Errorf("%s() takes no keyword arguments", name))
	}
	if len(a.Args) < 1 || len(a.Args) > 3 {
		return nil, exec.ErrInvalidCall(fmt.Errorf("%s() takes from 1 to 3 arguments (%d given)", name, len(a.Args)))
	}
	var affixes []string
	switch x := a.Args[0]; {
	case x.IsString():
		affixes = []string{x.String()}
	case x.IsList():
		for i := 0; i < x.Len(); i++ {
			item := x.Index(i)
			if !item.IsString() {
				return nil, exec.ErrInvalidCall(fmt.Errorf("tuple for %s must only contain str", name))
			}
			affixes = append(affixes, item.String())
		}
	default:
		return nil, exec.ErrInvalidCall(fmt.Errorf("%s first arg must be str or a tuple of str", name))
	}
	runes := []rune(self)
	n := len(runes)
	index := func(i int, def int) (int, error) {
		if i >= len(a.Args) || a.Args[i].IsNil() {
			return def, nil
		}
		if !a.Args[i].IsInteger() {
			return 0, exec.ErrInvalidCall(fmt.Errorf("slice indices must be integers or None"))
		}
		return a.Args[i].Integer(), nil
	}
	start, err := index(1, 0)
	if err != nil {
		return nil, err
	}
	end, err := index(2, n)
	if err != nil {
		return nil, err
	}
	// CPython's ADJUST_INDICES
	if end > n {
		end = n
	} else if end < 0 {
		end = max(end+n, 0)
	}
	if start < 0 {
		start = max(start+n, 0)
	}
	for _, affix := range affixes {
		ar := []rune(affix)
		if start > n || end-len(ar) < start {
			continue
		}
		var part []rune
		if suffix {
			part = runes[end-len(ar) : end]
		} else {
			part = runes[start : start+len(ar)]
		}
		if string(part) == affix {
			return true, nil
		}
	}
	return false, nil
}
