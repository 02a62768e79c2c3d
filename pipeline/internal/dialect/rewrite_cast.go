package dialect

import "strings"

// rewriteCast writes CAST, SAFE_CAST, TRY_CAST and x::type for SQLite: the
// type becomes one SQLite knows (SQLite gives an unknown type name NUMERIC
// affinity, turning '007' into 7); dates and JSON go through date() and
// json(); SAFE_CAST and TRY_CAST give NULL where the value does not convert,
// as in the warehouses, and a cast to BOOL reads 'true' and 'false'. A
// warehouse's plain CAST to a number or a date is cast_to(x, type, dialect,
// line), which fails where the warehouse fails instead of giving 0 or NULL;
// so is a CAST to a timestamp type, which writes the one timestamp form
// (timestamps.go). A timestamp cast to a string is written as the warehouse
// writes it.
func (t *translator) rewriteCast(n *node) {
	if t.d == BigQuery && n.name == "::" {
		// BigQuery's grammar has no :: operator: the query fails to parse there
		t.refuse(n.tok, refColonCastBigQuery)
		return
	}
	if w := typeWordAt(t, n.y); t.d == BigQuery && w != "" && !bigQueryCastType(w) {
		// CAST(x AS VARCHAR): BigQuery knows its own type names only
		i := skipSpace(t.toks, n.y.start)
		t.refuse(i, refTypeNotBigQuery, strings.ToUpper(t.toks[i].text))
		return
	}
	if n.z != nil {
		t.rewriteCastFormat(n)
		return
	}
	if i := skipSpace(t.toks, n.y.start); t.d == Snowflake && i < n.y.end && variantCasts[t.toks[i].lower] != "" {
		// x::variant is x; x::array and x::object check it
		fn, x := variantCasts[t.toks[i].lower], n.x
		n.print = func(pr *printer, n *node) string { return fn + "(" + pr.text(x) + ")" + pr.carry(n, x) }
		return
	}
	if t.d == DuckDB && castsToInterval(t, n) {
		t.rewriteIntervalValue(n)
		return
	}
	if t.rewriteListCast(n) || t.rewriteMapCast(n) {
		return
	}
	if i := skipSpace(t.toks, n.y.start); t.d == DuckDB && i < n.y.end && t.toks[i].kind == kWord && t.toks[i].lower == "uuid" && skipSpace(t.toks, i+1) >= n.y.end {
		// DuckDB's UUID: its text, lower case and hyphenated
		x, fn, tail := n.x, "uuid_duckdb(", ", "+itoa(t.toks[n.tok].line)+")"
		if n.name == "try_cast" {
			fn, tail = "try_uuid_duckdb(", ")"
		}
		n.print = func(pr *printer, n *node) string { return fn + pr.text(x) + tail + pr.carry(n, x) }
		return
	}
	if t.d == BigQuery && castsToInterval(t, n) {
		// CAST('0-0 1 2:0:0' AS INTERVAL), CAST('P1DT2H' AS INTERVAL);
		// SAFE_CAST gives NULL where CAST fails
		x, fn := n.x, "interval_of_bigquery("
		if n.name == "safe_cast" {
			fn = "try_interval_of_bigquery("
		}
		n.print = func(pr *printer, n *node) string { return fn + pr.text(x) + ")" + pr.carry(n, x) }
		return
	}
	if t.nestedCast(n) != "" && (t.isNull(n.x) || n.x.kind == nArray && len(n.x.list) == 0) {
		// BigQuery's CAST(NULL AS ARRAY<T>), CAST([] AS STRUCT<...>): the
		// value as it is, typed for the JSON it goes into
		x := n.x
		n.print = func(pr *printer, n *node) string { return pr.text(x) + pr.carry(n, x) }
		return
	}
	if t.castsStringsToStrings(n) {
		// CAST(SPLIT(s) AS ARRAY<STRING>): the array as it is
		x := n.x
		n.print = func(pr *printer, n *node) string { return pr.text(x) + pr.carry(n, x) }
		return
	}
	if t.nestedCast(n) != "" {
		if full := BigQueryType(joinText(t.toks[n.y.start:n.y.end])); full != "" {
			if from := t.fullType(n.x); from != "" && !nestedCastable(from, full, n.x.kind == nArray) {
				t.refuse(skipSpace(t.toks, n.y.start), refNestedCast, from, full)
				return
			}
			// CAST(STRUCT(1, 'x') AS STRUCT<a FLOAT64, b STRING>): the
			// fields, by their order, and the elements cast to the
			// declared types, which name the fields
			x, safe := n.x, "0"
			if n.name == "safe_cast" {
				safe = "1"
			}
			args := ", " + sqlString(full) + ", " + safe + ", " + itoa(t.toks[n.tok].line) + ")"
			n.print = func(pr *printer, n *node) string {
				return "cast_nested_bigquery(" + pr.text(x) + args + pr.carry(n, x)
			}
			return
		}
	}
	typ, prob := typeOf(t.toks, n.y.start, n.y.end, castWord(n), n.tok)
	if prob != nil {
		if n.y.start == n.y.end {
			prob.tok = n.tok
		}
		t.refuse(prob.tok, prob.r, prob.args...)
		return
	}
	typ = defaultScale(t.d, typ)
	safe := n.name == "safe_cast" || n.name == "try_cast"
	x := n.x
	varcharLen := 0
	if t.d == Snowflake && typ.affinity == "TEXT" && typ.fn == "" {
		if l, ok := SnowflakeVarcharLength(SnowflakeFullType(joinText(t.toks[n.y.start:n.y.end]))); ok {
			varcharLen = l
			defer t.varcharFits(n, l, safe)
		}
	}
	if t.d == Snowflake && typ.affinity == "BLOB" {
		// Snowflake reads text cast to BINARY as hex, its default input
		// format ('616263'::binary is abc's bytes)
		fn := "to_binary_snowflake("
		if safe {
			fn = "try_to_binary_snowflake("
		}
		n.print = func(pr *printer, n *node) string { return fn + pr.text(x) + ")" + pr.carry(n, x) }
		return
	}
	if t.d == DuckDB && typ.affinity == "BLOB" {
		// DuckDB reads text cast to a BLOB with its \xAA escapes
		fn := "blob_duckdb("
		if safe {
			fn = "try_blob_duckdb("
		}
		n.print = func(pr *printer, n *node) string { return fn + pr.text(x) + ")" + pr.carry(n, x) }
		return
	}
	if typ.fn != "json" {
		t.variantValue(x)
	}
	kind := ""
	if t.d != SQLite {
		kind = castKind(t.d, typ)
	}
	if t.d == Snowflake && typ.name == "time" {
		kind = "TIME" // HH:MM:SS, as TO_TIME writes it
	}
	if t.d == DuckDB && typ.name == "time" && !safe && kind == "" {
		// a TIMESTAMP's time of day, HH:MM:SS[.ffffff] as DuckDB writes
		// it; text read as a time or a timestamp
		n.print = func(pr *printer, n *node) string { return "time_of_duckdb(" + pr.text(x) + ")" + pr.carry(n, x) }
		return
	}
	if t.d == Snowflake && zonedType(typ) {
		kind = "TIMESTAMP_TZ" // the offset written kept, as Snowflake keeps it
	}
	if xt := t.staticType(x); t.d == DuckDB && nested(xt) && xt != TypeJSON && kind == "" && typ.affinity == "TEXT" && typ.fn == "" {
		// a list or a struct to a string: as DuckDB writes it
		num := t.nestedTextKind(x)
		n.print = func(pr *printer, n *node) string {
			return "nested_text(" + pr.text(x) + ", " + sqlString(num) + ")" + pr.carry(n, x)
		}
		return
	}
	if t.d == BigQuery && typ.name == "time" && kind == "" && t.timestampOf(x) != "" {
		// a TIMESTAMP's or DATETIME's time of day, as TIME(x) gives it
		// (a TIMESTAMP's in UTC), not the text of the whole value
		n.print = func(pr *printer, n *node) string { return "time_of(" + pr.text(x) + ")" + pr.carry(n, x) }
		return
	}
	if from := t.timestampOf(x); from != "" && kind == "" && typ.affinity == "TEXT" && typ.fn == "" {
		// a timestamp to a string: the warehouse's text of it
		args := ", " + sqlString(from) + ", " + sqlString(string(t.d)) + ")"
		n.print = func(pr *printer, n *node) string {
			return "timestamp_string(" + pr.text(x) + args + pr.carry(n, x)
		}
		return
	}
	if t.d == Snowflake && t.staticType(x) == TypeTime && typ.affinity == "TEXT" && typ.fn == "" && kind == "" {
		// a TIME to a string: HH:MM:SS, as TIME_OUTPUT_FORMAT writes it
		n.print = func(pr *printer, n *node) string { return "substr(" + pr.text(x) + ", 1, 8)" + pr.carry(n, x) }
		return
	}
	if fn, args, ok := t.numberText(x); ok && typ.affinity == "TEXT" && typ.fn == "" && kind == "" {
		// a number to a string: a decimal with all its digits after the
		// point, a real in its shortest form
		n.print = func(pr *printer, n *node) string {
			return fn + "(" + pr.text(x) + args + ")" + pr.carry(n, x)
		}
		return
	}
	if typ.affinity == "TEXT" && typ.fn == "" && kind == "" && t.d != SQLite && t.booleanOf(x) {
		// a boolean to a string is 'true' or 'false' in the warehouses
		n.print = func(pr *printer, n *node) string {
			v := pr.text(x)
			return "CASE WHEN " + v + " THEN 'true' WHEN NOT " + v + " THEN 'false' END" + pr.carry(n, x)
		}
		return
	}
	line := itoa(t.toks[n.tok].line)
	if t.d == BigQuery && typ.fn == "date" && kind == "" && t.fullType(x) == "STRING" {
		// a STRING casts to DATE only from a date literal's text: a time
		// of day fails there, where a TIMESTAMP's text gives its date
		typ.fn = "date_string"
	}
	if call, ok := castCall(t.d, typ, kind, safe, line); ok {
		round := t.roundsToInteger(x, safeCastTarget(typ, kind))
		n.print = func(pr *printer, n *node) string {
			return call(round(t.castArg(pr, x))) + pr.carry(n, x)
		}
		return
	}
	switch {
	case (t.d == BigQuery || t.d == DuckDB && x.kind != nString && t.numberType(x) == "" && t.staticType(x) == "" ||
		t.d == Snowflake && x.kind != nString && !t.textOf(x) && (t.numberType(x) == "" || t.numberType(x) == "REAL") && t.staticType(x) == "") && typ.affinity == "TEXT" && typ.fn == "" && kind == "":
		// a FLOAT64 is written as BigQuery writes it: 1, not SQLite's 1.0;
		// a real of unknown type as DuckDB writes a DOUBLE, shortest, and
		// as Snowflake writes a FLOAT: 15 digits at most, 2, not 2.0
		d := sqlString(string(t.d))
		n.print = func(pr *printer, n *node) string {
			v := pr.text(x)
			if args, ok := extractArgs(strings.TrimSpace(v)); ok && t.d == Snowflake {
				// a VARIANT's boolean (v:ok) is the text true or false,
				// where json_extract gives 1 or 0
				return variantBooleanText(args, "cast_to("+v+", 'TEXT', "+d+", "+line+")") + pr.carry(n, x)
			}
			return "cast_to(" + v + ", 'TEXT', " + d + ", " + line + ")" + pr.carry(n, x)
		}
	case typ.fn != "":
		n.print = func(pr *printer, n *node) string {
			return typ.fn + "(" + pr.text(x) + ")" + pr.carry(n, x)
		}
	case n.name == "::" || varcharLen > 0:
		n.print = func(pr *printer, n *node) string {
			return "CAST(" + pr.text(x) + " AS " + typ.affinity + ")" + pr.carry(n, x)
		}
	default:
		// CAST(x AS type): only the type changes; the line breaks before
		// and within it go after it.
		y := n.y
		gap := ""
		if n.tok2 >= 0 && n.tok2+1 < y.start {
			gap = breaks(joinRaw(t.toks[n.tok2+1 : y.start]))
			for i := n.tok2 + 1; i < y.start; i++ {
				t.pr.setTok(i, "")
			}
		}
		y.pre = " "
		y.print = func(pr *printer, y *node) string { return typ.affinity + gap + pr.carry(y) }
	}
}

// castCall writes the cast of a value to typ through the engine's
// functions, the warehouse's rules: try_cast when safe, cast_bool to a
// boolean, cast_to to a number, a date or a timestamp kind. It reports false
// for a cast SQLite's CAST or a plain function writes.
func castCall(d Dialect, typ sqlType, kind string, safe bool, line string) (func(arg string) string, bool) {
	dialect := ""
	if d != SQLite {
		dialect = ", " + sqlString(string(d))
	}
	switch {
	case safe:
		target := sqlString(safeCastTarget(typ, kind))
		return func(arg string) string {
			return integerInRange(d, typ, kind, scaled(typ, "try_cast("+arg+", "+target+dialect+")", ""), "")
		}, true
	case d == SQLite:
		return nil, false
	case typ.boolean:
		if d != DuckDB && d != Snowflake {
			dialect = "" // only DuckDB's and Snowflake's take t, yes, y, 1 ... too
		}
		return func(arg string) string { return "cast_bool(" + arg + dialect + ")" }, true
	case typ.affinity == "INTEGER" || typ.affinity == "REAL" || typ.fn == "date" || typ.fn == "date_string" || kind != "":
		target := typ.affinity
		if typ.fn == "date" || typ.fn == "date_string" {
			target = strings.ToUpper(typ.fn)
		} else if kind != "" {
			target = kind
		}
		target = sqlString(target)
		return func(arg string) string {
			return integerInRange(d, typ, kind, scaled(typ, "cast_to("+arg+", "+target+dialect+", "+line+")", line), line)
		}, true
	}
	return nil, false
}

// safeCastTarget is what try_cast converts to for typ: its timestamp
// kind, its function's name (date, json...), BOOLEAN, or its affinity.
func safeCastTarget(typ sqlType, kind string) string {
	switch {
	case kind != "":
		return kind
	case typ.fn != "":
		return typ.fn
	case typ.boolean:
		return "BOOLEAN"
	}
	return typ.affinity
}

// defaultScale gives NUMERIC and DECIMAL written without (p, s) the
// warehouse's default scale: BigQuery's NUMERIC is NUMERIC(38, 9), DuckDB's
// DECIMAL is DECIMAL(18, 3), Snowflake's is NUMBER(38, 0).
func defaultScale(d Dialect, typ sqlType) sqlType {
	if typ.affinity != "REAL" || typ.scale != "" || typ.name != "numeric" && typ.name != "decimal" {
		return typ
	}
	switch d {
	case BigQuery:
		typ.scale, typ.precision = "9", "38"
	case DuckDB:
		typ.scale, typ.precision = "3", "18"
	case Snowflake:
		return sqlType{affinity: "INTEGER", name: typ.name}
	}
	return typ
}

// scaled rounds a cast's value to its type's scale and checks that it fits
// its precision (decimal_fits). A safe cast has no line: a value the type
// cannot hold is NULL instead of an error.
func scaled(typ sqlType, value string, line string) string {
	s := typ.scale
	if s != "" {
		if line == "" {
			value = "round_scale(" + value + ", " + s + ", 1)"
		} else {
			value = "round_scale(" + value + ", " + s + ")"
		}
	}
	if typ.precision == "" {
		return value
	}
	if s == "" {
		s = "0"
	}
	if line == "" {
		return "decimal_fits(" + value + ", " + typ.precision + ", " + s + ")"
	}
	return "decimal_fits(" + value + ", " + typ.precision + ", " + s + ", " + line + ")"
}

// castArg prints the value of a cast. DuckDB reads 2.5 as a DECIMAL, whose
// halves round away from zero where a DOUBLE's round to even: the literal
// goes to the cast functions as text, which converts the same way.
func (t *translator) castArg(pr *printer, x *node) string {
	if t.d != DuckDB {
		return pr.text(x)
	}
	sign, lit := "", x
	if x.kind == nUnary && x.name == "-" && x.x != nil && x.x.kind == nLit {
		sign, lit = "-", x.x
	}
	if lit.kind == nLit && lit.start+1 == lit.end {
		if s := t.toks[lit.start].text; strings.Contains(s, ".") && !strings.ContainsAny(s, "eE'\"") {
			return sqlString(sign+s) + pr.carry(x, lit)
		}
	}
	return pr.text(x)
}

// roundsToInteger gives what writes the cast's argument: rounded to a
// whole number, halves away from zero, when x is a DuckDB DECIMAL cast to
// an integer type. DuckDB rounds a DECIMAL so (2.5::int is 3), where a
// DOUBLE rounds to even (2.5::double::int is 2), as the cast of a real
// does here. The type is read now, in x's scope.
func (t *translator) roundsToInteger(x *node, target string) func(string) string {
	if t.d == DuckDB && target == "INTEGER" {
		if s, ok := numberScale(t.numberType(x)); ok && s > 0 {
			return func(arg string) string { return "round_scale(" + arg + ", 0)" }
		}
	}
	return func(arg string) string { return arg }
}

// zonedType tells whether typ is Snowflake's TIMESTAMP_TZ, which keeps
// the offset written with each value (or the session's, UTC).
func zonedType(typ sqlType) bool {
	return typ.name == "timestamp_tz" || typ.name == "timestamptz" || typ.name == "timestamp" && typ.withZone && !typ.local
}

// bigQueryCastType tells whether word, lower-cased, opens a type BigQuery
// has: its names and their aliases, ARRAY, STRUCT and RANGE.
func bigQueryCastType(word string) bool {
	_, ok := bigQueryTypeNames[word]
	return ok || word == "array" || word == "struct" || word == "range"
}

// typeWordAt is the first word of the type y of a cast, lower-cased.
func typeWordAt(t *translator, y *node) string {
	if i := skipSpace(t.toks, y.start); i < y.end {
		return t.toks[i].lower
	}
	return ""
}

func castWord(n *node) string {
	if n.name == "::" {
		return "::"
	}
	return "AS"
}

func joinRaw(toks []token) string {
	s := ""
	for _, t := range toks {
		s += t.text
	}
	return s
}

// booleanOf tells whether n is known to be a boolean: TRUE, FALSE, a
// comparison, LIKE, IN, BETWEEN, IS, NOT, AND, OR, a cast to BOOL, a column
// of booleans (statictypes.go).
func (t *translator) booleanOf(n *node) bool { return t.staticType(n) == TypeBool }

// variantValue reads x, when it is Snowflake's GET or GET_PATH, whose
// variant is JSON text ('"x"'), as the path forms' values are read: a
// string without its quotes. For a cast or TO_VARCHAR of it.
// variantBooleanText is the text of the value at json_extract's args, a
// VARIANT's: a boolean is true or false, as Snowflake writes it (SQLite's
// json_extract gives 1 or 0), another value as text gives it.
func variantBooleanText(args, text string) string {
	return "CASE json_type(" + args + ") WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE " + text + " END"
}

func (t *translator) variantValue(x *node) {
	if t.d == Snowflake && isGet(x) {
		x.pre = "json_get_text(" + x.pre
		x.post += ", '$')"
	}
}

// nestedCast is the static type of BigQuery's cast to ARRAY<...>
// (TypeList) or STRUCT<...> (TypeStruct), "" for other casts.
// castsStringsToStrings tells whether n is BigQuery's cast of an array of
// strings (what SPLIT and REGEXP_EXTRACT_ALL of a STRING give) to
// ARRAY<STRING>, which changes nothing.
func (t *translator) castsStringsToStrings(n *node) bool {
	if t.nestedCast(n) != TypeList || n.x.kind != nCall || len(n.x.parts) > 1 || !stringArrayResults[n.x.name] {
		return false
	}
	var words []string
	for i := n.y.start; i < n.y.end; i++ {
		if t.toks[i].kind != kSpace {
			words = append(words, strings.ToLower(t.toks[i].text))
		}
	}
	return strings.Join(words, "") == "array<string>"
}

// stringArrayResults are BigQuery's functions that give an ARRAY<STRING>
// of a STRING.
var stringArrayResults = map[string]bool{"split": true, "regexp_extract_all": true}

func (t *translator) nestedCast(n *node) string {
	if t.d != BigQuery || n.kind != nCast || n.y == nil {
		return ""
	}
	if i := skipSpace(t.toks, n.y.start); i < n.y.end && t.toks[i].kind == kWord {
		switch t.toks[i].lower {
		case "array":
			return TypeList
		case "struct":
			return TypeStruct
		}
	}
	return ""
}

// varcharFits checks the value of a Snowflake cast to VARCHAR(n): a
// longer text fails, naming the line, as Snowflake's "String '...' is too
// long and would be truncated"; TRY_CAST gives NULL instead
// (varchar_fits).
func (t *translator) varcharFits(n *node, length int, safe bool) {
	inner := n.print
	if inner == nil {
		return
	}
	args := ", " + itoa(length)
	if !safe {
		args += ", " + itoa(t.toks[n.tok].line)
	}
	n.print = func(pr *printer, n *node) string { return "varchar_fits(" + inner(pr, n) + args + ")" }
}
