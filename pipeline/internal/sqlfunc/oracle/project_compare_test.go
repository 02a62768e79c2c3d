package oracle

import (
	"context"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/duckdb/duckdb-go/v2"

	"github.com/nexus-playground/nexus/pipeline"
)

// maxShown is how many differing rows a table's report shows each way.
const maxShown = 5

// compareRelation compares a model's relation in our SQLite and in
// DuckDB: the same columns, and the same multiset of rows, each value
// normalised by DuckDB's type of its column (normalise). Columns named in
// unstable are left out, for the reason given there.
func compareRelation(ctx context.Context, t *testing.T, ours *pipeline.Session, duck *sql.DB, st ranStep, unstable map[string]string) {
	t.Helper()
	rel := relName(st.Rendered)
	mine, err := ours.Query(ctx, "SELECT * FROM "+rel, 0)
	if err != nil {
		t.Errorf("%s: %v", rel, err)
		return
	}
	theirCols, theirTypes, theirs, err := duckTable(ctx, duck, duckName(st.Rendered))
	if err != nil {
		t.Errorf("%s on DuckDB: %v", rel, err)
		return
	}
	if !slices.Equal(mine.Columns, theirCols) {
		t.Errorf("%s: columns differ\n  DuckDB: %v\n  ours:   %v", st.Name, theirCols, mine.Columns)
	}
	// Compare the columns both have, by DuckDB's types.
	type pair struct {
		name     string
		our, dk  int
		duckType string
	}
	var cols []pair
	for j, c := range theirCols {
		if _, skip := unstable[c]; skip {
			continue
		}
		if i := slices.Index(mine.Columns, c); i >= 0 {
			cols = append(cols, pair{c, i, j, theirTypes[j]})
		}
	}
	for c := range unstable {
		if !slices.Contains(theirCols, c) {
			t.Errorf("%s: the unstable column %s is not in the table", st.Name, c)
		}
	}
	key := func(row []any, duckSide bool) string {
		parts := make([]string, len(cols))
		for k, c := range cols {
			if duckSide {
				parts[k] = normalise(row[c.dk], c.duckType, true)
			} else {
				parts[k] = normalise(row[c.our], c.duckType, false)
			}
		}
		return strings.Join(parts, " | ")
	}
	count := map[string]int{}
	for _, r := range theirs {
		count[key(r, true)]++
	}
	for _, r := range mine.Rows {
		count[key(r, false)]--
	}
	var onlyDuck, onlyOurs []string
	for k, n := range count {
		for ; n > 0; n-- {
			onlyDuck = append(onlyDuck, k)
		}
		for ; n < 0; n++ {
			onlyOurs = append(onlyOurs, k)
		}
	}
	var floats []bool
	for _, c := range cols {
		typ := strings.ToUpper(c.duckType)
		floats = append(floats, typ == "DOUBLE" || typ == "FLOAT" || typ == "REAL")
	}
	onlyDuck, onlyOurs = unmatchedBeyondRounding(onlyDuck, onlyOurs, floats)
	if len(onlyDuck)+len(onlyOurs) == 0 {
		return
	}
	slices.Sort(onlyDuck)
	slices.Sort(onlyOurs)
	names := make([]string, len(cols))
	for k, c := range cols {
		names[k] = c.name
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d rows on DuckDB, %d ours; %d rows only DuckDB has, %d only ours\n  columns: %s", st.Name, len(theirs), len(mine.Rows), len(onlyDuck), len(onlyOurs), strings.Join(names, " | "))
	for _, side := range []struct {
		who  string
		rows []string
	}{{"DuckDB", onlyDuck}, {"ours  ", onlyOurs}} {
		for i, r := range side.rows {
			if i == maxShown {
				fmt.Fprintf(&b, "\n  %s: ... %d more", side.who, len(side.rows)-maxShown)
				break
			}
			fmt.Fprintf(&b, "\n  %s: %s", side.who, r)
		}
	}
	t.Error(b.String())
}

// duckTable reads a relation of DuckDB with its columns' types.
func duckTable(ctx context.Context, duck *sql.DB, rel string) (cols, types []string, out [][]any, err error) {
	rows, err := duck.QueryContext(ctx, "SELECT * FROM "+rel)
	if err != nil {
		return nil, nil, nil, err
	}
	defer rows.Close()
	cts, err := rows.ColumnTypes()
	if err != nil {
		return nil, nil, nil, err
	}
	for _, c := range cts {
		cols, types = append(cols, c.Name()), append(types, c.DatabaseTypeName())
	}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, nil, nil, err
		}
		out = append(out, vals)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, nil, err
	}
	rows.Close() // the one connection, for the intervals' text
	for _, vals := range out {
		for i, v := range vals {
			if iv, ok := v.(duckdb.Interval); ok {
				// the text DuckDB writes for it, as ours stores an INTERVAL
				if err := duck.QueryRowContext(ctx, "SELECT (to_months(?) + to_days(?) + to_microseconds(?))::varchar", iv.Months, iv.Days, iv.Micros).Scan(&vals[i]); err != nil {
					return nil, nil, nil, err
				}
			}
		}
	}
	return cols, types, out, nil
}

// normalise writes a value as its kind of DuckDB type compares it:
// numbers by value (to 9 significant digits, integers exactly),
// timestamps as instants, dates as dates, booleans as true or false,
// lists and structs as JSON; NULL is never the empty text. Our SQLite
// values are read as the project stores that type (timestamps as text,
// booleans as 1 or 0, lists as JSON); a value of another kind is written
// with its Go type, so that it never matches.
func normalise(v any, duckType string, duckSide bool) string {
	if v == nil {
		return "NULL"
	}
	typ := strings.ToUpper(duckType)
	switch {
	case (strings.HasSuffix(typ, "]") || strings.HasPrefix(typ, "STRUCT")) && (strings.Contains(typ, "DATE") || strings.Contains(typ, "TIMESTAMP")):
		// dates and timestamps inside a list or struct: DuckDB's are
		// times, ours their text; both compare as instants
		return normJSON(temporalAsInstants(jsonValue(v, duckSide)), duckSide)
	case isNumberType(typ) && !strings.HasSuffix(typ, "]"): // DECIMAL(10,2)[] is a list
		return normNumber(v)
	case strings.HasPrefix(typ, "TIMESTAMP"):
		return normInstant(v)
	case typ == "DATE":
		if tm, ok := v.(time.Time); ok {
			return tm.Format("2006-01-02")
		}
		// Ours stores a date as its text, YYYY-MM-DD exactly.
		if s, ok := v.(string); ok && !duckSide {
			if tm, err := time.Parse("2006-01-02", s); err == nil && tm.Format("2006-01-02") == s {
				return s
			}
		}
		return normText(v)
	case typ == "TIME":
		// ours is its text, HH:MM:SS[.ffffff] as DuckDB writes it
		if tm, ok := v.(time.Time); ok {
			return tm.Format("15:04:05.999999")
		}
		if s, ok := v.(string); ok {
			return s
		}
		return normText(v)
	case typ == "BOOLEAN":
		switch x := v.(type) {
		case bool:
			return strconv.FormatBool(x)
		case int64:
			if x == 0 || x == 1 {
				return strconv.FormatBool(x == 1)
			}
		}
		return fmt.Sprintf("%T(%v)", v, v)
	case strings.HasSuffix(typ, "]") || strings.HasPrefix(typ, "STRUCT") || strings.HasPrefix(typ, "MAP") || typ == "JSON":
		return normJSON(v, duckSide)
	case typ == "INTERVAL":
		// DuckDB's as the text it writes for it (duckTable)
		return normText(v)
	}
	return normText(v)
}

func isNumberType(typ string) bool {
	word, _, _ := strings.Cut(typ, "(")
	switch word {
	case "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT",
		"FLOAT", "DOUBLE", "DECIMAL", "REAL":
		return true
	}
	return false
}

func normNumber(v any) string {
	var f float64
	switch x := v.(type) {
	case int64:
		return strconv.FormatInt(x, 10)
	case int32, int16, int8, uint8, uint16, uint32, uint64:
		return fmt.Sprint(x)
	case *big.Int:
		return x.String()
	case float64:
		f = x
	case float32:
		f = float64(x)
	case duckdb.Decimal:
		f = x.Float64()
	default:
		return fmt.Sprintf("%T(%v)", v, v)
	}
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return strconv.FormatFloat(f, 'f', 0, 64)
	}
	return strconv.FormatFloat(f, 'g', 9, 64)
}

// timeLayouts are the texts our build stores a timestamp as.
var timeLayouts = []string{time.RFC3339Nano, "2006-01-02 15:04:05.999999999Z07:00", "2006-01-02 15:04:05.999999999", "2006-01-02T15:04:05.999999999"}

func normInstant(v any) string {
	switch x := v.(type) {
	case time.Time:
		return x.UTC().Format(time.RFC3339Nano)
	case string:
		for _, l := range timeLayouts {
			if tm, err := time.Parse(l, x); err == nil {
				return tm.UTC().Format(time.RFC3339Nano)
			}
		}
	}
	return fmt.Sprintf("%T(%v)", v, v)
}

func normText(v any) string {
	switch x := v.(type) {
	case string:
		return strconv.Quote(x)
	case []byte:
		return "x'" + hex.EncodeToString(x) + "'"
	case time.Time:
		return "time(" + x.UTC().Format(time.RFC3339Nano) + ")"
	}
	return fmt.Sprintf("%T(%v)", v, v)
}

// normJSON writes a list, struct or map as compact JSON (a MAP as the list
// of its entries, as ours holds it); ours is JSON text, read and written
// again.
func normJSON(v any, duckSide bool) string {
	if s, ok := v.(string); ok && !duckSide || ok && json.Valid([]byte(s)) {
		var x any
		if err := json.Unmarshal([]byte(s), &x); err == nil {
			v = x
		}
	}
	b, err := json.Marshal(decimalsAsNumbers(mapEntries(v)))
	if err != nil {
		return fmt.Sprintf("%T(%v)", v, v)
	}
	return string(b)
}

// jsonValue is ours, JSON text, read; DuckDB's as it is.
func jsonValue(v any, duckSide bool) any {
	if s, ok := v.(string); ok && !duckSide {
		var x any
		if err := json.Unmarshal([]byte(s), &x); err == nil {
			return x
		}
	}
	return v
}

// temporalAsInstants writes the times inside DuckDB's nested value, and
// the dates and timestamps inside ours (their text), as the instant each
// is, in one form.
func temporalAsInstants(v any) any {
	switch x := v.(type) {
	case time.Time:
		return "instant " + x.UTC().Format(time.RFC3339Nano)
	case string:
		for _, layout := range []string{"2006-01-02", time.RFC3339Nano} {
			if tm, err := time.Parse(layout, x); err == nil {
				return "instant " + tm.UTC().Format(time.RFC3339Nano)
			}
		}
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = temporalAsInstants(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = temporalAsInstants(e)
		}
		return out
	}
	return v
}

// decimalsAsNumbers replaces DuckDB's DECIMALs inside a list or struct by
// their numbers, as JSON writes ours; a negative zero is zero, which
// SQLite's JSON writes without its sign.
func decimalsAsNumbers(v any) any {
	switch x := v.(type) {
	case float64:
		if x == 0 {
			return 0.0
		}
	case duckdb.Decimal:
		return x.Float64()
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = decimalsAsNumbers(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = decimalsAsNumbers(e)
		}
		return out
	}
	return v
}

// unmatchedBeyondRounding leaves out the pairs of a row only DuckDB has and
// one only ours has that differ in DOUBLE columns (floats) by no more than
// the last of the 9 digits normNumber writes: a sum of doubles taken in
// another order (DuckDB's parallel SUM) lands on the other side of a
// rounding boundary (341438.6885 written .689 and .688).
func unmatchedBeyondRounding(duck, ours []string, floats []bool) ([]string, []string) {
	near := func(a, b string) bool {
		pa, pb := strings.Split(a, " | "), strings.Split(b, " | ")
		if len(pa) != len(floats) || len(pb) != len(floats) {
			return false
		}
		for i := range pa {
			if pa[i] == pb[i] {
				continue
			}
			x, err1 := strconv.ParseFloat(pa[i], 64)
			y, err2 := strconv.ParseFloat(pb[i], 64)
			if !floats[i] || err1 != nil || err2 != nil || math.Abs(x-y) > 2e-8*math.Max(math.Abs(x), math.Abs(y)) {
				return false
			}
		}
		return true
	}
	var restDuck []string
	for _, d := range duck {
		if i := slices.IndexFunc(ours, func(o string) bool { return near(d, o) }); i >= 0 {
			ours = slices.Delete(slices.Clone(ours), i, i+1)
			continue
		}
		restDuck = append(restDuck, d)
	}
	return restDuck, ours
}

func TestUnmatchedBeyondRounding(t *testing.T) {
	floats := []bool{false, false, true}
	duck := []string{`"ALGERIA" | 1995 | 341438.689`, `"IRAN" | 1992 | 161835.548`, `"PERU" | 1993 | 100.5`}
	ours := []string{`"ALGERIA" | 1995 | 341438.688`, `"IRAN" | 1993 | 161835.547`, `"PERU" | 1993 | 100.6`}
	d, o := unmatchedBeyondRounding(duck, ours, floats)
	// the last digit of a DOUBLE is rounding; another year or a real
	// difference is not
	if !slices.Equal(d, duck[1:]) || !slices.Equal(o, ours[1:]) {
		t.Errorf("got %v and %v", d, o)
	}
	if d, o := unmatchedBeyondRounding(duck[:1], ours[:1], []bool{false, false, false}); len(d) != 1 || len(o) != 1 {
		t.Errorf("a DECIMAL column matched within rounding: %v %v", d, o)
	}
}
