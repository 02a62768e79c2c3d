// Package yamlx reads YAML into a small tree that keeps the line of every
// node, so the project loader can say "models/schema.yml:12: ..." about any
// key or value it rejects.
package yamlx

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"github.com/nexus-playground/nexus/pipeline/diag"
)

// Kind of a node.
type Kind int

const (
	Scalar Kind = iota
	Map
	List
)

// Node is one YAML value with its position. Scalars hold string, int64,
// uint64, float64, bool or nil in Value.
type Node struct {
	Kind  Kind
	Line  int
	Value any
	Keys  []string // map keys in document order
	Vals  []*Node  // map values, parallel to Keys
	Items []*Node  // list items
}

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
func (n *Node) Plain() any {
	if n == nil {
		return nil
	}
	switch n.Kind {
	case Map:
		m := make(map[string]any, len(n.Keys))
		for i, k := range n.Keys {
			m[k] = n.Vals[i].Plain()
		}
		return m
	case List:
		l := make([]any, len(n.Items))
		for i, it := range n.Items {
			l[i] = it.Plain()
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
	f, err := parser.ParseBytes(data, 0)
	if err != nil {
		return nil, yamlError(file, err)
	}
	if len(f.Docs) == 0 || f.Docs[0].Body == nil {
		return &Node{Kind: Map, Line: 1}, nil
	}
	if len(f.Docs) > 1 {
		return nil, diag.Errorf(file, 1, "more than one YAML document").WithHint("keep one document per file (remove the --- separators)")
	}
	return convert(file, f.Docs[0].Body)
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
	d := diag.Errorf(file, line, "invalid YAML: %s", msg)
	d.Col = col
	return d
}

func lineOf(n ast.Node) int {
	if t := n.GetToken(); t != nil && t.Position != nil {
		return t.Position.Line
	}
	return 0
}

func convert(file string, n ast.Node) (*Node, error) {
	switch v := n.(type) {
	case *ast.MappingNode:
		out := &Node{Kind: Map, Line: lineOf(v)}
		for _, mv := range v.Values {
			if err := addPair(file, out, mv); err != nil {
				return nil, err
			}
		}
		return out, nil
	case *ast.MappingValueNode:
		out := &Node{Kind: Map, Line: lineOf(v)}
		return out, addPair(file, out, v)
	case *ast.SequenceNode:
		out := &Node{Kind: List, Line: lineOf(v)}
		for _, it := range v.Values {
			c, err := convert(file, it)
			if err != nil {
				return nil, err
			}
			out.Items = append(out.Items, c)
		}
		return out, nil
	case *ast.TagNode:
		return convert(file, v.Value)
	case *ast.AnchorNode:
		return convert(file, v.Value)
	case *ast.CommentNode:
		return &Node{Kind: Scalar, Line: lineOf(v)}, nil
	}
	// Scalars (and aliases) are decoded by the library itself.
	var val any
	if err := yaml.NodeToValue(n, &val); err != nil {
		return nil, yamlError(file, err)
	}
	switch x := val.(type) {
	case map[string]any, []any:
		return fromPlain(x, lineOf(n)), nil
	case int:
		val = int64(x)
	}
	return &Node{Kind: Scalar, Line: lineOf(n), Value: val}, nil
}

func addPair(file string, out *Node, mv *ast.MappingValueNode) error {
	key := strings.TrimSpace(mv.Key.String())
	if s, ok := mv.Key.(*ast.StringNode); ok {
		key = s.Value
	}
	if out.Get(key) != nil {
		return diag.Errorf(file, lineOf(mv.Key), "duplicate key %q", key).WithHint("each key may appear once in a mapping")
	}
	val, err := convert(file, mv.Value)
	if err != nil {
		return err
	}
	if val.Line == 0 {
		val.Line = lineOf(mv.Key)
	}
	out.Keys = append(out.Keys, key)
	out.Vals = append(out.Vals, val)
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
