//go:build !js

package engine

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/format"

	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
)

// A nested Parquet column (a LIST, a group DuckDB reads as a STRUCT, a
// repeated field, a MAP) is held as the playground holds DuckDB's lists,
// structs and MAPs: JSON text, its dates and timestamps in the project's
// form, its DECIMALs numbers. The file's values are assembled from their
// leaf columns by their definition and repetition levels (Parquet's
// record shredding read back). Times of day inside, and a MAP inside a
// list or struct, are refused.

// parquetNested is how one nested top-level column reads: its tree, the
// shape the translator knows its leaves by, and DuckDB's name of its type.
type parquetNested struct {
	node     parquet.Node
	leaves   int
	shape    any // nested_shapes' tree: a leaf's type, [elem], {field: shape}
	duckType string
	// wall and zoned put a timestamp in the project's form
	wall, zoned func(string) (string, bool)
	// convs reads each leaf column's values, by the file's column index
	convs map[int]parquetColumn
}

// nestedParquetColumn reads the type of nested column fd, or says why the
// playground does not read it.
func nestedParquetColumn(fd parquet.Field) (*parquetNested, error) {
	p := &parquetNested{node: fd}
	shape, duck, err := p.describe(fd, false)
	if err != nil {
		return nil, err
	}
	p.shape, p.duckType, p.leaves = shape, duck, leafCount(fd)
	wall, _ := declaredType(dialect.DuckDB, "timestamp")
	zoned, _ := declaredType(dialect.DuckDB, "timestamptz")
	p.wall, p.zoned = wall.Timestamp, zoned.Timestamp
	return p, nil
}

// leafCount is how many leaf columns n spans.
func leafCount(n parquet.Node) int {
	if n.Leaf() {
		return 1
	}
	c := 0
	for _, f := range n.Fields() {
		c += leafCount(f)
	}
	return c
}

// listElement is the element node of a LIST-annotated group, as the
// Parquet format's rules for lists read it (the legacy two-level forms
// too), and whether the repeated node is itself the element.
func listElement(n parquet.Node) (repeated parquet.Node, elem parquet.Node, self bool) {
	repeated = n.Fields()[0]
	if !repeated.Leaf() && len(repeated.Fields()) == 1 && repeated.Fields()[0].Name() != "" {
		name := ""
		if f, ok := repeated.(parquet.Field); ok {
			name = f.Name()
		}
		if name != "array" && name != nodeName(n)+"_tuple" {
			return repeated, repeated.Fields()[0], false
		}
	}
	return repeated, repeated, true
}

func nodeName(n parquet.Node) string {
	if f, ok := n.(parquet.Field); ok {
		return f.Name()
	}
	return ""
}

func isListNode(n parquet.Node) bool {
	_, list := logicalValue(n.Type().LogicalType()).(*format.ListType)
	return !n.Leaf() && list && len(n.Fields()) == 1 && n.Fields()[0].Repeated()
}

// mapShape is a MAP's keys' and values' shapes: DuckDB's MAP is held as
// the JSON list of its entries, {"key": k, "value": v} each.
type mapShape struct{ key, value any }

// mapEntries is the repeated group of a MAP's entries, its key and its
// value.
func mapEntries(n parquet.Node) (parquet.Node, error) {
	kv := n.Fields()[0]
	if !kv.Repeated() || kv.Leaf() || len(kv.Fields()) != 2 {
		return nil, fmt.Errorf("a MAP not laid out as a repeated group of a key and a value, which DuckDB does not read")
	}
	return kv, nil
}

func isMapNode(n parquet.Node) bool {
	_, m := logicalValue(n.Type().LogicalType()).(*format.MapType)
	return !n.Leaf() && m
}

// describe is the shape and DuckDB type of node n; asElement reads a
// repeated node as one element of its list.
func (p *parquetNested) describe(n parquet.Node, asElement bool) (any, string, error) {
	if n.Repeated() && !asElement {
		s, d, err := p.describe(n, true)
		return []any{s}, d + "[]", err
	}
	switch {
	case isMapNode(n):
		if n != p.node {
			return nil, "", fmt.Errorf("a MAP inside a list or struct, which the playground does not read from a Parquet file")
		}
		kv, err := mapEntries(n)
		if err != nil {
			return nil, "", err
		}
		ks, kd, err := p.describe(kv.Fields()[0], false)
		if err != nil {
			return nil, "", err
		}
		vs, vd, err := p.describe(kv.Fields()[1], false)
		return mapShape{ks, vs}, "map(" + kd + ", " + vd + ")", err
	case isListNode(n):
		_, elem, self := listElement(n)
		s, d, err := p.describe(elem, self)
		return []any{s}, d + "[]", err
	case !n.Leaf():
		fields := map[string]any{}
		var parts []string
		for _, f := range n.Fields() {
			s, d, err := p.describe(f, false)
			if err != nil {
				return nil, "", err
			}
			fields[f.Name()] = s
			parts = append(parts, f.Name()+" "+d)
		}
		return fields, "struct(" + strings.Join(parts, ", ") + ")", nil
	}
	c, err := parquetLeafColumn(n.Type())
	if err != nil {
		return nil, "", err
	}
	leaf := map[string]string{"tinyint": "INTEGER", "smallint": "INTEGER", "integer": "INTEGER", "bigint": "INTEGER",
		"utinyint": "INTEGER", "usmallint": "INTEGER", "uinteger": "INTEGER", "ubigint": "INTEGER",
		"float": "FLOAT", "double": "REAL", "boolean": "BOOLEAN", "varchar": "VARCHAR", "date": "DATE",
		"timestamp": "TIMESTAMP", "timestamp with time zone": "TIMESTAMPTZ"}[c.duckType]
	if dec, ok := logicalValue(n.Type().LogicalType()).(*format.DecimalType); ok {
		leaf = "DECIMAL " + strconv.Itoa(int(dec.Scale))
	}
	if leaf == "" {
		return nil, "", fmt.Errorf("%s inside a list or struct, which the playground does not read from a Parquet file", strings.ToUpper(c.duckType))
	}
	return leaf, c.duckType, nil
}

// text writes the value of one row's column, given the values of its leaf
// columns (cols[i] those of its i-th leaf), as JSON text; ok is false for
// NULL.
func (p *parquetNested) text(cols [][]parquet.Value) (string, bool, error) {
	if len(cols) == 0 || len(cols[0]) == 0 {
		return "", false, errShredding
	}
	if p.node.Optional() && cols[0][0].DefinitionLevel() < 1 {
		return "", false, nil
	}
	var b bytes.Buffer
	def := 0
	if p.node.Optional() {
		def = 1
	}
	if err := p.write(&b, p.node, cols, def, 0, !p.node.Repeated()); err != nil {
		return "", false, err
	}
	return b.String(), true, nil
}

// write writes node n's value, its leaves' values in cols, where def and
// rep are the definition and repetition levels its ancestors (and n,
// when it is optional) reach; asElement reads a repeated n as one element.
func (p *parquetNested) write(b *bytes.Buffer, n parquet.Node, cols [][]parquet.Value, def, rep int, asElement bool) error {
	for _, c := range cols {
		if len(c) == 0 {
			return errShredding
		}
	}
	switch {
	case n.Repeated() && !asElement:
		return p.writeList(b, n, n, true, cols, def, rep)
	case isListNode(n):
		repeated, elem, self := listElement(n)
		return p.writeList(b, repeated, elem, self, cols, def, rep)
	case isMapNode(n):
		kv, err := mapEntries(n)
		if err != nil {
			return err
		}
		return p.writeList(b, kv, kv, true, cols, def, rep)
	case !n.Leaf():
		b.WriteByte('{')
		at := 0
		// the entries of a MAP (top-level only, see describe)
		entry := asElement && isMapNode(p.node) && n == p.node.Fields()[0]
		for i, f := range n.Fields() {
			if i > 0 {
				b.WriteByte(',')
			}
			k, _ := json.Marshal(f.Name())
			if entry {
				k = []byte([]string{`"key"`, `"value"`}[i])
			}
			b.Write(k)
			b.WriteByte(':')
			w := leafCount(f)
			if err := p.child(b, f, cols[at:at+w], def, rep); err != nil {
				return err
			}
			at += w
		}
		b.WriteByte('}')
		return nil
	}
	return p.leaf(b, n, cols[0][0])
}

// errShredding is a file whose leaf columns disagree on a value's shape.
var errShredding = fmt.Errorf("its leaf columns do not hold the same lists (not a Parquet file DuckDB reads)")

// child writes field f of a group, NULL where its value is.
func (p *parquetNested) child(b *bytes.Buffer, f parquet.Node, cols [][]parquet.Value, def, rep int) error {
	if f.Optional() {
		def++
		if cols[0][0].DefinitionLevel() < def {
			b.WriteString("null")
			return nil
		}
	}
	return p.write(b, f, cols, def, rep, false)
}

// writeList writes the elements a repeated node holds: a new element
// starts where a value repeats at the node's level.
func (p *parquetNested) writeList(b *bytes.Buffer, repeated, elem parquet.Node, self bool, cols [][]parquet.Value, def, rep int) error {
	def, rep = def+1, rep+1
	b.WriteByte('[')
	defer b.WriteByte(']')
	if cols[0][0].DefinitionLevel() < def {
		return nil // an empty list
	}
	starts := make([]int, len(cols))
	for e := 0; ; e++ {
		part := make([][]parquet.Value, len(cols))
		more := false
		for i, c := range cols {
			if starts[i] >= len(c) {
				return errShredding
			}
			end := starts[i] + 1
			for end < len(c) && c[end].RepetitionLevel() > rep {
				end++
			}
			part[i] = c[starts[i]:end]
			starts[i] = end
			more = more || end < len(c)
		}
		if e > 0 {
			b.WriteByte(',')
		}
		var err error
		if self {
			err = p.write(b, elem, part, def, rep, true)
		} else {
			err = p.child(b, elem, part, def, rep)
		}
		if err != nil || !more {
			return err
		}
	}
}

// leaf writes one leaf value as JSON.
func (p *parquetNested) leaf(b *bytes.Buffer, n parquet.Node, v parquet.Value) error {
	// one reading of each leaf column's type, not one per value
	c, ok := p.convs[v.Column()]
	if !ok {
		var err error
		if c, err = parquetLeafColumn(n.Type()); err != nil {
			return err
		}
		if p.convs == nil {
			p.convs = map[int]parquetColumn{}
		}
		p.convs[v.Column()] = c
	}
	if c.text {
		s, _ := json.Marshal(string(v.ByteArray()))
		b.Write(s)
		return nil
	}
	cell, err := c.cell(v)
	if err != nil {
		return err
	}
	switch c.duckType {
	case "date":
		s, _ := json.Marshal(cell)
		b.Write(s)
	case "timestamp", "timestamp with time zone":
		conv := p.wall
		if c.duckType != "timestamp" {
			conv = p.zoned
		}
		t, ok := conv(cell)
		if !ok {
			return fmt.Errorf("a timestamp %s that does not read", cell)
		}
		s, _ := json.Marshal(t)
		b.Write(s)
	default:
		b.WriteString(cell) // a number, true or false
	}
	return nil
}

// keepType records the column's static type in types: a list (of its
// numbers' type) or a struct, and its shape.
func (p *parquetNested) keepType(types map[string]string, name string) {
	delete(types, dialect.FullTypePrefix+name)
	types[name] = dialect.TypeStruct
	if m, ok := p.shape.(mapShape); ok {
		// MAP, and its values' number type where its keys are text
		types[name] = dialect.TypeMap
		if leaf, ok := m.value.(string); ok && m.key == "VARCHAR" && numberLeaf(leaf) {
			types[name] += " " + leaf
		}
		return
	}
	if l, ok := p.shape.([]any); ok {
		types[name] = dialect.TypeList
		if leaf, ok := l[0].(string); ok && numberLeaf(leaf) {
			types[name] += " " + leaf
		}
	}
	shape, _ := json.Marshal(p.shape)
	types[dialect.FullTypePrefix+name] = "SHAPE " + string(shape)
}

// numberLeaf tells whether a leaf's shape is a number type.
func numberLeaf(leaf string) bool {
	return leaf == "INTEGER" || leaf == "REAL" || leaf == "FLOAT" || strings.HasPrefix(leaf, "DECIMAL ")
}
