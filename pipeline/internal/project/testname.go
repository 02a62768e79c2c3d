package project

import (
	"crypto/md5"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/yamlx"
)

// dbtTestName names a generic test as dbt does: its `name:` when the entry
// gives one, else the test as written (namespace_ first, source_ before it on a
// source), the node (source_table on a source), then the value of each
// argument in the order of the arguments' names (column_name among them,
// a list's or a mapping's values one by one), each written as Python
// writes it with every run of other characters than letters, digits and _
// made one _, joined by __. So a test listed twice with other arguments
// runs twice, under dbt's name. Arguments count as written, their Jinja
// unrendered; a name of 64 characters or more is its first 30 (the test
// and the node) and the MD5 of the whole, as dbt shortens it.
func dbtTestName(written string, t *Test, custom string) string {
	if custom != "" {
		return custom
	}
	ns, kind, ok := strings.Cut(written, ".")
	if !ok {
		ns, kind = "", written
	}
	target := t.Model
	if src, ok := strings.CutPrefix(target, "source:"); ok {
		src, _, _ = strings.Cut(src, "@") // a second package's declaration
		target = strings.ReplaceAll(src, ".", "_")
		kind = "source_" + kind
	}
	if ns != "" {
		kind = ns + "_" + kind
	}
	args := map[string]any{}
	for k, v := range t.Args {
		args[k] = v
	}
	for k, v := range t.written {
		args[k] = v
	}
	if t.Column != "" {
		args["column_name"] = t.QuotedColumn(`"`) // any quote names it alike
	}
	names := make([]string, 0, len(args))
	for k := range args {
		names = append(names, k)
	}
	sort.Strings(names)
	var parts []string
	for _, k := range names {
		switch v := args[k].(type) {
		case []any:
			for _, e := range v {
				parts = append(parts, pyStr(e))
			}
		case dictValues:
			for _, e := range v {
				parts = append(parts, pyStr(e))
			}
		case map[string]any:
			// a mapping given in Go (an argument not read from YAML): its
			// values by key
			keys := make([]string, 0, len(v))
			for mk := range v {
				keys = append(keys, mk)
			}
			sort.Strings(keys)
			for _, mk := range keys {
				parts = append(parts, pyStr(v[mk]))
			}
		default:
			parts = append(parts, pyStr(v))
		}
	}
	for i, p := range parts {
		parts[i] = identOnly(p)
	}
	identifier := kind + "_" + target
	name := identifier + "_" + strings.Join(parts, "__")
	if len(name) >= 64 {
		if r := []rune(identifier); len(r) > 30 {
			identifier = string(r[:30])
		}
		return fmt.Sprintf("%s_%x", identifier, md5.Sum([]byte(name)))
	}
	return name
}

// identOnly is s with each run of characters other than ASCII letters,
// digits and _ made one _, as dbt's re.sub(r'[^0-9a-zA-Z_]+', '_', ...)
// does. It runs for every argument of every test of every load, so it
// scans bytes instead of running a regular expression: the bytes of a
// character past ASCII (or of invalid UTF-8) are none of those, so a run
// of them is a run of such characters.
func identOnly(s string) string {
	i := 0
	for i < len(s) && isIdentByte(s[i]) {
		i++
	}
	if i == len(s) {
		return s
	}
	b := append(make([]byte, 0, len(s)), s[:i]...)
	inRun := false
	for ; i < len(s); i++ {
		switch {
		case isIdentByte(s[i]):
			b, inRun = append(b, s[i]), false
		case !inRun:
			b, inRun = append(b, '_'), true
		}
	}
	return string(b)
}

func isIdentByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// pyStr writes a YAML value as Python's str() writes it.
func pyStr(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case nil:
		return "None"
	case bool:
		if x {
			return "True"
		}
		return "False"
	case float64:
		if x == float64(int64(x)) && x > -1e16 && x < 1e16 {
			return strconv.FormatInt(int64(x), 10) + ".0"
		}
		return strconv.FormatFloat(x, 'g', -1, 64)
	case []any:
		out := make([]string, len(x))
		for i, e := range x {
			out[i] = pyRepr(e)
		}
		return "[" + strings.Join(out, ", ") + "]"
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		out := make([]string, len(keys))
		for i, k := range keys {
			out[i] = pyRepr(k) + ": " + pyRepr(x[k])
		}
		return "{" + strings.Join(out, ", ") + "}"
	}
	return fmt.Sprint(v)
}

// pyRepr is Python's repr() of a value inside a list or dict: strings
// quoted.
func pyRepr(v any) string {
	if s, ok := v.(string); ok {
		return "'" + strings.ReplaceAll(s, "'", `\'`) + "'"
	}
	return pyStr(v)
}

// QuotedColumn is the column the test runs on: quoted with quote when the
// column's entry sets quote: true.
func (t *Test) QuotedColumn(quote string) string {
	if !t.QuoteColumn || t.Column == "" {
		return t.Column
	}
	return quote + strings.ReplaceAll(t.Column, quote, quote+quote) + quote
}

// dictValues are the values of a test argument written as a mapping, in
// the order written: dbt names a test after them in that order (Python's
// dicts keep it).
type dictValues []any

// writtenNode is a YAML value as written, before its Jinja was rendered.
func writtenNode(n *yamlx.Node) *yamlx.Node {
	if n.Raw != nil {
		return n.Raw
	}
	return n
}

// writtenArg is a test argument as dbt names the test after it: a
// mapping's values in the order written, anything else as written.
func writtenArg(n *yamlx.Node) any {
	if w := writtenNode(n); w.Kind == yamlx.Map {
		out := make(dictValues, len(w.Vals))
		for i, v := range w.Vals {
			out[i] = v.Written()
		}
		return out
	}
	return n.Written()
}
