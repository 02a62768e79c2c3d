// Package yamlx reads YAML into a small tree that keeps the line of every
// node, so the project loader can say "models/schema.yml:12: ..." about any
// key or value it rejects.
package yamlx

import (
	"errors"
	"fmt"
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
)

// Kind of a node.
type Kind int

const (
	Scalar Kind = iota
	Map
	List
)

// Node is one YAML value with its position. Scalars hold string, int64,
// uint64, float64, bool, Timestamp or nil in Value.
type Node struct {
	Kind  Kind
	Line  int
	Value any
	Keys  []string // map keys in document order
	Vals  []*Node  // map values, parallel to Keys
	Items []*Node  // list items
	// Raw is the node as written when its Jinja was rendered into this
	// one ({{ var('x') }}), else nil.
	Raw *Node
	// Warnings, on a document's root, name the keys written twice in one
	// mapping: the last value is kept, as dbt's YAML loader keeps it.
	Warnings []diag.Diagnostic
}

// Written is Plain of the tree as written, before its Jinja was rendered.
func (n *Node) Written() any { return n.plain(true) }

// Get returns the value under key of a map node, or nil.
func (n *Node) Get(key string) *Node {
	if n == nil || n.Kind != Map {
		return nil
	}
	for i, k := range n.Keys {
		if k == key {
			return n.Vals[i]
		}
	}
	return nil
}

// String returns a scalar as text ("" for nil or non-scalars).
func (n *Node) String() string {
	if n == nil || n.Kind != Scalar || n.Value == nil {
		return ""
	}
	if s, ok := n.Value.(string); ok {
		return s
	}
	return fmt.Sprint(n.Value)
}

// Plain converts the node to plain Go values: map[string]any, []any and
// scalars, the shape templates and JSON expect.
func (n *Node) Plain() any { return n.plain(false) }

// plain is Plain, of the nodes as written (Raw) when written.
func (n *Node) plain(written bool) any {
	if n == nil {
		return nil
	}
	if written && n.Raw != nil {
		return n.Raw.plain(false)
	}
	switch n.Kind {
	case Map:
		m := make(map[string]any, len(n.Keys))
		for i, k := range n.Keys {
			m[k] = n.Vals[i].plain(written)
		}
		return m
	case List:
		l := make([]any, len(n.Items))
		for i, it := range n.Items {
			l[i] = it.plain(written)
		}
		return l
	}
	return n.Value
}

var posRE = regexp.MustCompile(`^\[(\d+):(\d+)\]\s*`)

// memo keeps the trees of files parsed recently: a project is loaded again on
// every run, mostly unchanged, and YAML parsing is among the costliest steps
// of a small build in the js/wasm build. Trees are never changed after
// parsing, so they can be shared.
var memo = struct {
	sync.Mutex
	m map[string]*Node
}{m: map[string]*Node{}}

const memoMax = 256

// Parse reads one YAML document. An empty document gives an empty map.
// Errors are diagnostics naming file and line. The returned tree must not
// be modified.
func Parse(file string, data []byte) (*Node, error) {
	key := file + "\x00" + string(data)
	memo.Lock()
	n, ok := memo.m[key]
	memo.Unlock()
	if ok {
		return n, nil
	}
	n, err := parse(file, data)
	if err != nil {
		return nil, err
	}
	memo.Lock()
	if len(memo.m) >= memoMax {
		clear(memo.m)
	}
	memo.m[key] = n
	memo.Unlock()
	return n, nil
}

func parse(file string, data []byte) (*Node, error) {
	if err := checkSize(file, data); err != nil {
		return nil, err
	}
	// dbt reads YAML with PyYAML, which keeps the last of a key written
	// twice; so do we, with a warning (addPair)
	f, err := parser.ParseBytes(escapeQuotedTabs(data), 0, parser.AllowDuplicateMapKey())
	if err != nil {
		return nil, yamlError(file, err)
	}
	if len(f.Docs) == 0 || f.Docs[0].Body == nil {
		return &Node{Kind: Map, Line: 1}, nil
	}
	if len(f.Docs) > 1 {
		return nil, diag.Errorf(file, 1, "more than one YAML document").WithHint("keep one document per file (remove the --- separators)")
	}
	c := &converter{file: file, anchors: map[string]*Node{}}
	root, err := c.convert(f.Docs[0].Body)
	if err != nil {
		return nil, err
	}
	root.Warnings = c.dups
	return root, nil
}

func yamlError(file string, err error) *diag.Diagnostic {
	msg := strings.TrimSpace(yaml.FormatError(err, false, false))
	line, col := 0, 0
	if m := posRE.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		col, _ = strconv.Atoi(m[2])
		msg = msg[len(m[0]):]
	}
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
	}
	hint := ""
	var se *yaml.SyntaxError
	if errors.As(err, &se) && se.Token != nil && se.Token.Position != nil {
		line, col, hint = errorStart(se.Token, line, col)
	}
	d := diag.Errorf(file, line, "invalid YAML: %s", msg)
	d.Col = col
	if hint != "" {
		d = d.WithHint("%s", hint)
	}
	return d
}

// errorStart moves an error from where the parser noticed it to the line a
// person edited. The parser places a plain scalar that runs over several
// lines (a key whose colon is missing swallows the lines below it) at its
// last line, and an unclosed quote is noticed only where the quoted text
// happens to end; both are reported where they begin.
func errorStart(tk *token.Token, line, col int) (int, int, string) {
	if p := tk.Prev; p != nil && p.Position != nil && (p.Type == token.DoubleQuoteType || p.Type == token.SingleQuoteType) &&
		strings.Contains(p.Value, "\n") && p.Position.Line < line {
		return p.Position.Line, p.Position.Column, fmt.Sprintf("the quoted text that starts here runs on to line %d: close its quote", line)
	}
	if tk.Type == token.StringType && tk.Position.Line == line {
		if n := strings.Count(strings.TrimRight(tk.Origin, " \t\r\n"), "\n"); n > 0 && line-n >= 1 {
			return line - n, 0, "a plain value runs over several lines here: is a colon (key: value) or a quote missing?"
		}
	}
	return line, col, ""
}

func lineOf(n ast.Node) int {
	if t := n.GetToken(); t != nil && t.Position != nil {
		return t.Position.Line
	}
	return 0
}

// converter turns one document's syntax tree into Nodes. Anchors (&x) are
// remembered as converted trees; an alias (*x) shares the tree, which is
// never modified, and what it adds once expanded is counted against
// MaxAliasNodes.
type converter struct {
	file    string
	anchors map[string]*Node
	aliased int // nodes added by aliases, expanded
	dups    []diag.Diagnostic
}

func (c *converter) convert(n ast.Node) (*Node, error) {
	switch v := n.(type) {
	case *ast.MappingNode:
		out := &Node{Kind: Map, Line: lineOf(v)}
		merged := map[string]bool{}
		for _, mv := range v.Values {
			if err := c.addPair(out, mv, merged); err != nil {
				return nil, err
			}
		}
		return out, nil
	case *ast.MappingValueNode:
		out := &Node{Kind: Map, Line: lineOf(v)}
		return out, c.addPair(out, v, map[string]bool{})
	case *ast.SequenceNode:
		out := &Node{Kind: List, Line: lineOf(v)}
		for _, it := range v.Values {
			e, err := c.convert(it)
			if err != nil {
				return nil, err
			}
			out.Items = append(out.Items, e)
		}
		return out, nil
	case *ast.TagNode:
		return c.convert(v.Value)
	case *ast.AnchorNode:
		val, err := c.convert(v.Value)
		if err != nil {
			return nil, err
		}
		c.anchors[v.Name.GetToken().Value] = val
		return val, nil
	case *ast.AliasNode:
		name := v.Value.GetToken().Value
		val, ok := c.anchors[name]
		if !ok {
			return nil, diag.Errorf(c.file, lineOf(v), "unknown alias *%s", name).WithHint("define the anchor &%s before it is used", name)
		}
		if err := c.count(val, lineOf(v)); err != nil {
			return nil, err
		}
		return val, nil
	case *ast.CommentNode:
		return &Node{Kind: Scalar, Line: lineOf(v)}, nil
	}
	// Scalars are decoded by the library itself.
	var val any
	if err := yaml.NodeToValue(n, &val); err != nil {
		return nil, yamlError(c.file, err)
	}
	switch x := val.(type) {
	case map[string]any, []any:
		return fromPlain(x, lineOf(n)), nil
	case int:
		val = int64(x)
	}
	if tk := n.GetToken(); tk != nil && tk.Type != token.SingleQuoteType && tk.Type != token.DoubleQuoteType {
		val = yaml11Plain(tk.Value, val)
	}
	return &Node{Kind: Scalar, Line: lineOf(n), Value: val}, nil
}

// yaml11Bools are the plain scalars YAML 1.1 reads as booleans.
var yaml11Bools = map[string]bool{}

func init() {
	for _, w := range []string{"yes", "true", "on"} {
		yaml11Bools[w], yaml11Bools[strings.ToUpper(w[:1])+w[1:]], yaml11Bools[strings.ToUpper(w)] = true, true, true
	}
	for _, w := range []string{"no", "false", "off"} {
		yaml11Bools[w], yaml11Bools[strings.ToUpper(w[:1])+w[1:]], yaml11Bools[strings.ToUpper(w)] = false, false, false
	}
}

// yaml11Plain is the value of a plain (unquoted) scalar as dbt reads it:
// dbt's YAML loader is PyYAML's SafeLoader, which follows YAML 1.1, where
// yes, no, on and off (in any of three casings) are booleans, 1:30 is the
// sexagesimal int 90 (1:30.5 a float), 2020-01-01 a date and 2020-01-01
// 10:00:00 a datetime (a Timestamp), and 0o17, 1e3 and 1.5e3 (an exponent
// needs a sign and a point) are text; the library follows YAML 1.2, where
// the words and the stamps are text, 0o17 is 15 and 1.5e3 1500.
func yaml11Plain(text string, val any) any {
	if b, ok := yaml11Bools[text]; ok {
		return b
	}
	if text == "" || !strings.ContainsRune("0123456789+-.", rune(text[0])) {
		return val
	}
	isInt, isFloat := yaml11Int.MatchString(text), yaml11Float.MatchString(text)
	switch {
	case isInt && strings.Contains(text, ":"):
		return sexagesimal(text).Num().Int64()
	case isFloat && strings.Contains(text, ":"):
		f, _ := sexagesimal(text).Float64()
		return f
	case isFloat:
		if _, ok := val.(float64); !ok {
			if f, err := strconv.ParseFloat(strings.ReplaceAll(text, "_", ""), 64); err == nil {
				return f
			}
		}
		return val
	case isInt:
		return val
	}
	if yaml11Timestamp.MatchString(text) {
		if t, ok := parseTimestamp(text); ok {
			return t
		}
		return text
	}
	switch val.(type) {
	case int64, uint64, float64:
		return text // a number in YAML 1.2 only
	}
	return val
}

// PyYAML's resolvers of ints, floats and timestamps (YAML 1.1).
var (
	yaml11Int       = regexp.MustCompile(`^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$`)
	yaml11Float     = regexp.MustCompile(`^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$`)
	yaml11Timestamp = regexp.MustCompile(`^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:[Tt]|[ \t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9]{1,2})(?::([0-9]{2}))?))?)?$`)
)

// sexagesimal is the value of 1:30:00 (base 60, the last part may have a
// fraction), sign and underscores as PyYAML reads them.
func sexagesimal(text string) *big.Rat {
	text = strings.ReplaceAll(text, "_", "")
	neg := strings.HasPrefix(text, "-")
	text = strings.TrimLeft(text, "+-")
	total := new(big.Rat)
	for _, part := range strings.Split(text, ":") {
		d, _ := new(big.Rat).SetString(part)
		total.Mul(total, big.NewRat(60, 1)).Add(total, d)
	}
	if neg {
		total.Neg(total)
	}
	return total
}

// Timestamp is a plain scalar YAML 1.1 reads as a Python date (Date) or
// datetime, aware when it names its offset.
type Timestamp struct {
	Time  time.Time
	Date  bool
	Aware bool
}

// String is Python's str() of the date or datetime.
func (t Timestamp) String() string {
	if t.Date {
		return t.Time.Format("2006-01-02")
	}
	s := t.Time.Format("2006-01-02 15:04:05")
	if us := t.Time.Nanosecond() / 1000; us != 0 {
		s += fmt.Sprintf(".%06d", us)
	}
	if t.Aware {
		s += t.Time.Format("-07:00")
	}
	return s
}

// MarshalJSON writes its isoformat(), as dbt's JSON encoder does.
func (t Timestamp) MarshalJSON() ([]byte, error) {
	return []byte(strconv.Quote(strings.Replace(t.String(), " ", "T", 1))), nil
}

// parseTimestamp is PyYAML's construct_yaml_timestamp: a date without a
// time; the fraction cut to microseconds; Z or an offset makes it aware.
// A date that does not exist (2020-13-45) is no Timestamp.
func parseTimestamp(text string) (Timestamp, bool) {
	m := yaml11Timestamp.FindStringSubmatch(text)
	num := func(i int) int { n, _ := strconv.Atoi(m[i]); return n }
	year, month, day := num(1), num(2), num(3)
	if m[4] == "" {
		if len(m[2]) != 2 || len(m[3]) != 2 {
			return Timestamp{}, false
		}
		t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
		return Timestamp{Time: t, Date: true}, t.Month() == time.Month(month) && t.Day() == day
	}
	hour, minute, second := num(4), num(5), num(6)
	us := 0
	if f := m[7]; f != "" {
		f = (f + "000000")[:6]
		us, _ = strconv.Atoi(f)
	}
	loc, aware := time.UTC, false
	switch {
	case m[8] == "Z":
		aware = true
	case m[8] != "":
		off := num(10)*3600 + num(11)*60
		if m[9] == "-" {
			off = -off
		}
		loc, aware = time.FixedZone("", off), true
	}
	t := time.Date(year, time.Month(month), day, hour, minute, second, us*1000, loc)
	valid := t.Month() == time.Month(month) && t.Day() == day && t.Hour() == hour && t.Minute() == minute && t.Second() == second
	return Timestamp{Time: t, Aware: aware}, valid
}

// count adds the expanded size of an aliased tree to the budget.
func (c *converter) count(n *Node, line int) error {
	var walk func(*Node) bool
	walk = func(n *Node) bool {
		c.aliased++
		if c.aliased > MaxAliasNodes {
			return false
		}
		for _, e := range n.Vals {
			if !walk(e) {
				return false
			}
		}
		for _, e := range n.Items {
			if !walk(e) {
				return false
			}
		}
		return true
	}
	if !walk(n) {
		return diag.Errorf(c.file, line, "aliases expand to more than %d values", MaxAliasNodes).
			WithHint("write the values out or use fewer nested aliases")
	}
	return nil
}

// addPair adds one key and value to out; a key written twice keeps its
// place and takes the last value (a warning says so), as in PyYAML. A merge key (<<: *x, or a list of
// aliases) adds the keys of the maps it names that are not set yet; a key
// written in the mapping itself wins over a merged one, as in YAML 1.1.
func (c *converter) addPair(out *Node, mv *ast.MappingValueNode, merged map[string]bool) error {
	if _, ok := mv.Key.(*ast.MergeKeyNode); ok {
		return c.merge(out, mv, merged)
	}
	key := strings.TrimSpace(mv.Key.String())
	if s, ok := mv.Key.(*ast.StringNode); ok {
		key = s.Value
	}
	val, err := c.convert(mv.Value)
	if err != nil {
		return err
	}
	if val.Line == 0 {
		val.Line = lineOf(mv.Key)
	}
	for i, k := range out.Keys {
		if k != key {
			continue
		}
		if !merged[key] {
			c.dups = append(c.dups, diag.Diagnostic{Severity: diag.Warning, File: c.file, Line: lineOf(mv.Key),
				Message: fmt.Sprintf("duplicate key %q: this value replaces the one written before, as dbt reads it", key),
				Hint:    "remove one of the two"})
		}
		out.Vals[i] = val
		delete(merged, key)
		return nil
	}
	out.Keys = append(out.Keys, key)
	out.Vals = append(out.Vals, val)
	return nil
}

func (c *converter) merge(out *Node, mv *ast.MappingValueNode, merged map[string]bool) error {
	val, err := c.convert(mv.Value)
	if err != nil {
		return err
	}
	srcs := []*Node{val}
	if val.Kind == List {
		srcs = val.Items
	}
	for _, src := range srcs {
		if src.Kind != Map {
			return diag.Errorf(c.file, lineOf(mv.Key), "<< merges mappings only").
				WithHint("write <<: *anchor where &anchor names a mapping, or a list of such aliases")
		}
		for i, k := range src.Keys {
			if out.Get(k) != nil {
				continue
			}
			out.Keys = append(out.Keys, k)
			out.Vals = append(out.Vals, src.Vals[i])
			merged[k] = true
		}
	}
	return nil
}

// FromPlain builds a node tree from plain values (used for --vars given as JSON).
func FromPlain(v any) *Node { return fromPlain(v, 0) }

func fromPlain(v any, line int) *Node {
	switch x := v.(type) {
	case map[string]any:
		n := &Node{Kind: Map, Line: line}
		for k, e := range x {
			n.Keys = append(n.Keys, k)
			n.Vals = append(n.Vals, fromPlain(e, line))
		}
		return n
	case []any:
		n := &Node{Kind: List, Line: line}
		for _, e := range x {
			n.Items = append(n.Items, fromPlain(e, line))
		}
		return n
	case int:
		return &Node{Kind: Scalar, Line: line, Value: int64(x)}
	}
	return &Node{Kind: Scalar, Line: line, Value: v}
}
