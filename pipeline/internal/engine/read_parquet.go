//go:build !js

package engine

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math"
	"math/big"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/format"

	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/jinja"
	"github.com/nexus-playground/nexus/pipeline/internal/seed"
	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

// readsParquet: the CLI reads Parquet files (the page does not).
const readsParquet = true

// loadParquet loads the rows of Parquet files (a glob's, in order) into
// rel, its columns of the types DuckDB's read_parquet gives them: integers
// of their width and sign, FLOAT, DOUBLE, DECIMAL(p, s), BOOLEAN, VARCHAR (strings, enums,
// JSON as VARCHAR), DATE, TIME, TIMESTAMP and, for an instant adjusted to
// UTC, TIMESTAMP WITH TIME ZONE; lists, structs and MAPs of those as
// DuckDB's (read_parquet_nested.go). Binary columns, nanosecond and INT96
// timestamps are refused, naming the
// column. The values are written as text and stored as a seed of those
// declared types is, so they hold what the same text cast there holds.
func (r *runner) loadParquet(paths []string, files [][]byte, opts url.Values, rel jinja.Relation) error {
	var cols []parquetColumn
	var names []string
	declared := map[string]seed.Declared{}
	extra, err := fileColumns(paths, opts)
	if err != nil {
		return err
	}
	// The typed cells go through the seed reader as CSV; text cells, whose
	// empty string CSV would read as NULL, are put in place after.
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	var texts [][]any
	for k, data := range files {
		f, err := parquet.OpenFile(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return fmt.Errorf("not a Parquet file DuckDB reads: %v", err)
		}
		fields := f.Schema().Fields()
		if len(fields) == 0 {
			return fmt.Errorf("the file has no column")
		}
		these := make([]parquetColumn, len(fields))
		// at[i] is the column of the first file that field i fills:
		// DuckDB matches a glob's files' columns by name
		at := make([]int, len(fields))
		for i, fd := range fields {
			c, err := parquetColumnOf(fd)
			if !fd.Leaf() || fd.Repeated() {
				var n *parquetNested
				n, err = nestedParquetColumn(fd)
				c = parquetColumn{duckType: "varchar", text: true, nested: n}
				if n != nil {
					c.duckType = n.duckType
				}
			}
			if err != nil {
				return fmt.Errorf("column %s: %v", fd.Name(), err)
			}
			these[i], at[i] = c, i
			if k > 0 {
				at[i] = slices.Index(names, fd.Name())
				if len(fields) != len(names) || at[i] < 0 || c.duckType != cols[at[i]].duckType {
					return fmt.Errorf("its files have different columns (the first's and the %s), which DuckDB reads only with union_by_name", ordinal(k+1))
				}
				continue
			}
			decl, ok := declaredType(dialect.DuckDB, c.duckType)
			if c.nested != nil {
				decl, ok = declaredType(dialect.DuckDB, "varchar") // JSON text
			}
			if !ok {
				return fmt.Errorf("column %s is %s, which the playground cannot store", fd.Name(), c.duckType)
			}
			names, declared[fd.Name()] = append(names, fd.Name()), decl
		}
		if k == 0 {
			cols = these
			for i, n := range extra.names {
				if slices.ContainsFunc(names, func(c string) bool { return strings.EqualFold(c, n) }) {
					return fmt.Errorf("column %s is both a column of its files and %s", n, extra.what[i])
				}
				declared[n], _ = declaredType(dialect.DuckDB, extra.types[i])
			}
			w.Write(append(slices.Clone(names), extra.names...))
		}
		rec, text := extra.cells(k)
		read, err := readParquetRows(f, these, names, at, w, &texts, rec, text)
		if err != nil {
			return err
		}
		if read != f.NumRows() {
			return fmt.Errorf("read %d of its %d rows", read, f.NumRows())
		}
	}
	w.Flush()
	t, err := seed.ParseWith("", b.Bytes(), seed.Options{Declared: declared, Nulls: seed.BlankNulls})
	if err != nil {
		return fmt.Errorf("its values do not read as the columns' types: %v", err)
	}
	for i := range t.Columns {
		if i < len(cols) && cols[i].text || i >= len(cols) && extra.types[i-len(cols)] == "varchar" {
			for j, row := range t.Rows {
				row[i] = texts[j][i]
			}
		}
	}
	if err := r.db.LoadTable(r.ctx, rel.Schema, rel.Name, t.Columns, t.Types, t.Rows); err != nil {
		return err
	}
	k := relKey(rel.Schema, rel.Name)
	r.noteShape(k, store.ShapeText(t.Columns, t.Types))
	types := seedTypes(dialect.DuckDB, t.Columns, declared, t.Types)
	for i, c := range cols {
		if c.nested != nil {
			c.nested.keepType(types, strings.ToLower(names[i]))
		}
	}
	r.keepTypes(k, types)
	r.contentVersion(rel, t.Rows)
	return nil
}

// readParquetRows writes the rows of f, whose fields read as cols, to w,
// its text cells to texts, the value of its field j in column at[j], and
// the file's cells of the columns after its own (fileColumns) last; it
// says how many rows it read.
func readParquetRows(f *parquet.File, cols []parquetColumn, names []string, at []int, w *csv.Writer, texts *[][]any, extraRec []string, extraText []any) (int64, error) {
	reader := parquet.NewReader(f)
	defer reader.Close()
	// first[j] is the first leaf column of field j: a nested field spans
	// several, each holding several values a row
	first := make([]int, len(cols)+1)
	for j, c := range cols {
		first[j+1] = first[j] + 1
		if c.nested != nil {
			first[j+1] = first[j] + c.nested.leaves
		}
	}
	leaves := make([][]parquet.Value, first[len(cols)])
	buf := make([]parquet.Row, 256)
	var read int64
	for {
		n, err := reader.ReadRows(buf)
		for _, row := range buf[:n] {
			clear(leaves)
			row.Range(func(c int, vals []parquet.Value) bool {
				if c < len(leaves) {
					leaves[c] = vals
				}
				return true
			})
			rec := make([]string, len(cols))
			text := make([]any, len(cols))
			for j := range cols {
				i := at[j]
				if nest := cols[j].nested; nest != nil {
					s, ok, err := nest.text(leaves[first[j]:first[j+1]])
					if err != nil {
						return read, fmt.Errorf("column %s: %v", names[i], err)
					}
					if ok {
						rec[i], text[i] = "-", s
					}
					continue
				}
				if len(leaves[first[j]]) != 1 {
					return read, fmt.Errorf("column %s: a row has %d values", names[i], len(leaves[first[j]]))
				}
				v := leaves[first[j]][0]
				if v.IsNull() {
					continue
				}
				if cols[j].text {
					rec[i], text[i] = "-", string(v.ByteArray())
					continue
				}
				// this file's own reading of the field: a DECIMAL may be
				// stored as INT32 in one file and INT64 in the next
				cell, err := cols[j].cell(v)
				if err != nil {
					return read, fmt.Errorf("column %s: %v", names[i], err)
				}
				rec[i] = cell
			}
			w.Write(append(rec, extraRec...))
			*texts = append(*texts, append(text, extraText...))
			read++
		}
		if err != nil {
			return read, nil // io.EOF, or a page that does not read: the count tells
		}
	}
}

// ordinal writes n as second, third...
func ordinal(n int) string {
	if s := map[int]string{2: "second", 3: "third"}[n]; s != "" {
		return s
	}
	return strconv.Itoa(n) + "th"
}

// parquetColumn is how one column of a Parquet file reads: its DuckDB
// type, and its values' text.
type parquetColumn struct {
	duckType string
	text     bool // VARCHAR: the value's bytes as they are
	cell     func(parquet.Value) (string, error)
	nested   *parquetNested // a list or a struct, read as its JSON text
}

// parquetColumnOf reads the type of a top-level column as DuckDB's
// read_parquet types it.
func parquetColumnOf(fd parquet.Field) (parquetColumn, error) {
	if !fd.Leaf() || fd.Repeated() {
		return parquetColumn{}, fmt.Errorf("nested (a list, struct or map), which the playground does not read from a Parquet file")
	}
	return parquetLeafColumn(fd.Type())
}

// parquetLeafColumn reads a column of type typ as DuckDB's read_parquet
// types it.
func parquetLeafColumn(typ parquet.Type) (parquetColumn, error) {
	lt := typ.LogicalType()
	kind := typ.Kind()
	whole := func(v parquet.Value) (string, error) { return strconv.FormatInt(v.Int64(), 10), nil }
	if kind == parquet.Int32 {
		whole = func(v parquet.Value) (string, error) { return strconv.FormatInt(int64(v.Int32()), 10), nil }
	}
	switch l := logicalValue(lt).(type) {
	case *format.StringType, *format.EnumType, *format.JsonType:
		return parquetColumn{duckType: "varchar", text: true}, nil
	case *format.DecimalType:
		scale := int(l.Scale)
		return parquetColumn{duckType: fmt.Sprintf("decimal(%d,%d)", l.Precision, l.Scale), cell: func(v parquet.Value) (string, error) {
			var unscaled *big.Int
			switch kind {
			case parquet.Int32:
				unscaled = big.NewInt(int64(v.Int32()))
			case parquet.Int64:
				unscaled = big.NewInt(v.Int64())
			default:
				unscaled = twosComplement(v.ByteArray())
			}
			return decimalText(unscaled, scale), nil
		}}, nil
	case *format.DateType:
		return parquetColumn{duckType: "date", cell: func(v parquet.Value) (string, error) {
			return time.Unix(int64(v.Int32())*86400, 0).UTC().Format("2006-01-02"), nil
		}}, nil
	case *format.TimestampType:
		unit, err := instantUnit(l.Unit)
		if err != nil {
			return parquetColumn{}, err
		}
		duck, zone := "timestamp", ""
		if l.IsAdjustedToUTC {
			duck, zone = "timestamp with time zone", "+00:00"
		}
		return parquetColumn{duckType: duck, cell: func(v parquet.Value) (string, error) {
			return time.UnixMicro(v.Int64()*unit).UTC().Format("2006-01-02 15:04:05.999999") + zone, nil
		}}, nil
	case *format.TimeType:
		unit, err := instantUnit(l.Unit)
		if err != nil {
			return parquetColumn{}, err
		}
		return parquetColumn{duckType: "time", cell: func(v parquet.Value) (string, error) {
			us := v.Int64()
			if kind == parquet.Int32 {
				us = int64(v.Int32())
			}
			return time.UnixMicro(us * unit).UTC().Format("15:04:05.999999"), nil
		}}, nil
	case *format.IntType:
		name := map[int8]string{8: "tinyint", 16: "smallint", 32: "integer", 64: "bigint"}[l.BitWidth]
		if !l.IsSigned {
			name = "u" + name
			if kind == parquet.Int32 {
				whole = func(v parquet.Value) (string, error) { return strconv.FormatUint(uint64(v.Uint32()), 10), nil }
			} else {
				whole = func(v parquet.Value) (string, error) {
					if v.Uint64() > math.MaxInt64 {
						return "", fmt.Errorf("holds %d, past the 64-bit integers the playground stores", v.Uint64())
					}
					return strconv.FormatUint(v.Uint64(), 10), nil
				}
			}
		}
		return parquetColumn{duckType: name, cell: whole}, nil
	case nil:
	default:
		return parquetColumn{}, fmt.Errorf("of Parquet's %s type, which the playground does not read", l)
	}
	switch kind {
	case parquet.Boolean:
		return parquetColumn{duckType: "boolean", cell: func(v parquet.Value) (string, error) { return strconv.FormatBool(v.Boolean()), nil }}, nil
	case parquet.Int32:
		return parquetColumn{duckType: "integer", cell: whole}, nil
	case parquet.Int64:
		return parquetColumn{duckType: "bigint", cell: whole}, nil
	case parquet.Float:
		return parquetColumn{duckType: "float", cell: func(v parquet.Value) (string, error) { return floatText(float64(v.Float()), 32) }}, nil
	case parquet.Double:
		return parquetColumn{duckType: "double", cell: func(v parquet.Value) (string, error) { return floatText(v.Double(), 64) }}, nil
	}
	what := "binary (DuckDB's BLOB)"
	if kind == parquet.Int96 {
		what = "an INT96 timestamp"
	}
	return parquetColumn{}, fmt.Errorf("%s, which the playground does not read from a Parquet file", what)
}

// logicalValue is the annotation of a Parquet type, or nil.
func logicalValue(lt *format.LogicalType) format.LogicalTypeValue {
	if lt == nil {
		return nil
	}
	return lt.Value
}

// instantUnit is how many microseconds one unit of a time or timestamp
// is; nanoseconds, which DuckDB reads as TIMESTAMP_NS, are refused.
func instantUnit(u format.TimeUnit) (int64, error) {
	switch u.Value.Duration() {
	case time.Millisecond:
		return 1000, nil
	case time.Microsecond:
		return 1, nil
	}
	return 0, fmt.Errorf("of nanoseconds, which DuckDB reads as TIMESTAMP_NS and the playground does not read from a Parquet file")
}

// twosComplement reads a big-endian two's complement integer.
func twosComplement(b []byte) *big.Int {
	n := new(big.Int).SetBytes(b)
	if len(b) > 0 && b[0]&0x80 != 0 {
		n.Sub(n, new(big.Int).Lsh(big.NewInt(1), uint(len(b)*8)))
	}
	return n
}

// decimalText writes unscaled / 10^scale with scale digits after the point.
func decimalText(unscaled *big.Int, scale int) string {
	s := new(big.Int).Abs(unscaled).String()
	if scale > 0 {
		if len(s) <= scale {
			s = strings.Repeat("0", scale-len(s)+1) + s
		}
		s = s[:len(s)-scale] + "." + s[len(s)-scale:]
	}
	if unscaled.Sign() < 0 {
		s = "-" + s
	}
	return s
}

// floatText writes a float as its shortest text of that many bits;
// NaN and infinities are refused.
func floatText(f float64, bits int) (string, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "", fmt.Errorf("holds %v, which the playground does not store", f)
	}
	return strconv.FormatFloat(f, 'g', -1, bits), nil
}
