package dialect

import (
	"strconv"
	"strings"
)

// DuckDB names a select item without an alias by its expression, printed
// as its parser prints it: count(*) is count_star(), a + 1 is (a + 1),
// x::int is CAST(x AS INTEGER), upper(b) is upper(b) however the call is
// written, a function named by a keyword is quoted ("left"(b, 1)), and a
// CASE is CASE  WHEN ((cond)) THEN (v) ELSE NULL END. SQLite names such a
// column by the text of the translated expression, which would leak the
// translator's calls into a model's columns (round_duckdb(divide(...))).
// nameDuckItems names each such item of a select the way DuckDB does, or,
// for a form not printed here, as the expression is written.

// duckKeywords are DuckDB's keywords, of every category (duckdb_keywords()):
// a function or type named by one prints quoted.
var duckKeywords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
between bigint bit boolean char character coalesce columns dec decimal exists extract float generated grouping
grouping_id inout int integer interval map national nchar none nullif numeric out overlay position precision real
row setof smallint struct substring time timestamp treat trim try_cast tuple values varchar xmlattributes xmlconcat
xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi xmlroot xmlserialize xmltable
all analyse analyze and any array as asc asymmetric both case cast check collate column constraint create default
deferrable desc describe distinct do else end except false fetch for foreign from group having in initially
intersect into lambda lateral leading limit not null offset on only or order pivot pivot_longer pivot_wider placing
primary qualify references returning select show some summarize symmetric table then to trailing true union unique
unpivot using variadic when where window with
anti asof at authorization binary by collation concurrently cross freeze full glob ilike inner is isnull join left
like natural notnull outer overlaps positional right semi similar tablesample unpack verbose
abort absolute access action add admin after aggregate also alter always approx assertion assignment attach
attribute backward before begin cache call called cascade cascaded catalog centuries century chain characteristics
checkpoint class close cluster comment comments commit committed compression configuration conflict connect
connection constraints content continue conversion copy cost csv cube current cursor cycle data database day days
deallocate decade decades declare defaults deferred definer delete delimiter delimiters depends destroy detach
dictionary disable discard disconnect distance document domain double drop each enable encoding encrypted enum error
escape event exact exclude excluding exclusive execute explain export export_state extension extensions external
family filter first following force forward function functions global grant granted groups handler header hold hour
hours identity if ignore immediate immutable implicit import include including increment index indexes inherit
inherits inline input insensitive insert install instead invoker isolation json key label language large last
leakproof level listen load local location lock locked logged macro mapping match matched materialized maxvalue
merge method microsecond microseconds millennia millennium millisecond milliseconds minute minutes minvalue mode
month months move name names nearest new next no nothing notify nowait nulls object of off oids old operator option
options ordinality others over overriding owned owner parallel parser partial partition partitioned passing password
percent persistent plans policy pragma preceding prepare prepared preserve prior privileges procedural procedure
program publication quarter quarters quote range read reassign recheck recursive ref referencing refresh register
reindex relative release rename repeatable replace replica reset resource resources respect restart restrict returns
revoke role rollback rollup rows rule sample savepoint schema schemas scope scroll search second seconds secret
secure security sequence sequences serializable server session set sets share similarity simple skip snapshot
sorted source sql stable standalone start statement statistics stdin stdout storage stored strict strip
subscription sysid system tables tablespace target temp template temporary text ties transaction transform trigger
truncate trusted type types unbounded uncommitted unencrypted unknown unlisten unlogged until update use user vacuum
valid validate validator value variable varying version view views virtual volatile week weeks whitespace within
without work wrapper write xml year years yes zone`) {
		m[w] = true
	}
	return m
}()

// duckIdent is a name as DuckDB prints it in an expression: quoted when
// it is a keyword or holds other characters than letters, digits and _.
func duckIdent(name string) string {
	plain := name != "" && !duckKeywords[strings.ToLower(name)]
	for i := 0; i < len(name) && plain; i++ {
		c := name[i]
		plain = c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' && i > 0
	}
	if plain {
		return name
	}
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// duckTypeNames are the types DuckDB's grammar knows by keyword, printed
// by their own names in a cast (others print as written).
var duckTypeNames = map[string]string{
	"int": "INTEGER", "integer": "INTEGER", "smallint": "SMALLINT", "bigint": "BIGINT", "real": "FLOAT",
	"float": "FLOAT", "double precision": "DOUBLE", "decimal": "DECIMAL", "dec": "DECIMAL", "numeric": "DECIMAL",
	"boolean": "BOOLEAN", "varchar": "VARCHAR", "char": "VARCHAR", "character": "VARCHAR",
	"character varying": "VARCHAR", "char varying": "VARCHAR", "timestamp": "TIMESTAMP",
	"timestamp with time zone": "TIMESTAMP WITH TIME ZONE", "timestamp without time zone": "TIMESTAMP",
	"time": "TIME", "interval": "INTERVAL", "bit": "BIT",
}

// duckTypeName is a cast's type as DuckDB prints it.
func (t *translator) duckTypeName(ty *node) (string, bool) {
	var words []string
	var args []string
	i := ty.start
	for ; i < ty.end && (t.toks[i].kind == kWord || t.toks[i].kind == kSpace); i++ {
		if t.toks[i].kind == kWord {
			words = append(words, t.toks[i].text)
		}
	}
	for ; i < ty.end; i++ {
		switch tk := t.toks[i]; {
		case tk.kind == kSpace || tk.kind == kOpen || tk.kind == kClose:
		case tk.kind == kNumber && len(args) < 2:
			args = append(args, tk.text)
		case tk.kind == kPunct && tk.text == ",":
		default:
			return "", false
		}
	}
	if len(words) == 0 {
		return "", false
	}
	written := strings.ToLower(strings.Join(words, " "))
	name, known := duckTypeNames[written]
	if !known {
		if len(words) > 1 || len(args) > 0 {
			return "", false
		}
		return words[0], true
	}
	switch {
	case len(args) == 0:
		return name, true
	case name == "DECIMAL" && len(args) == 1:
		return name + "(" + args[0] + ")", true
	case name == "DECIMAL":
		return name + "(" + args[0] + ", " + args[1] + ")", true
	case name == "VARCHAR" && len(args) == 1:
		return name + "(" + args[0] + ")", true
	}
	return "", false
}

// duckName is x printed as DuckDB names an unaliased select item of it;
// false for a form this does not print.
func (t *translator) duckName(x *node) (string, bool) {
	list := func(ns []*node) (string, bool) {
		parts := make([]string, len(ns))
		for i, n := range ns {
			s, ok := t.duckName(n)
			if !ok {
				return "", false
			}
			parts[i] = s
		}
		return strings.Join(parts, ", "), true
	}
	both := func(format func(a, b string) string) (string, bool) {
		l, r := x.x, x.y
		if l.start > r.start {
			l, r = r, l // operands a rewrite swapped, in the order written
		}
		a, ok1 := t.duckName(l)
		b, ok2 := t.duckName(r)
		return format(a, b), ok1 && ok2
	}
	not := func(s string) string {
		if x.flag {
			return "(NOT " + s + ")"
		}
		return s
	}
	switch x.kind {
	case nName:
		if len(x.parts) == 1 && t.toks[x.parts[0]].kind == kWord {
			switch w := t.toks[x.parts[0]].lower; w {
			case "true", "false":
				return w, true
			case "null":
				return "NULL", true
			}
		}
		parts := make([]string, len(x.parts))
		for i, k := range x.parts {
			tk := t.toks[k]
			name := tk.text
			if tk.kind == kQuoted {
				name = strings.ReplaceAll(tk.text[1:len(tk.text)-1], `""`, `"`)
			}
			parts[i] = duckIdent(name)
		}
		return strings.Join(parts, "."), true
	case nLit:
		if x.end-x.start == 1 && t.toks[x.start].kind == kNumber {
			return t.toks[x.start].text, true
		}
		switch w := strings.ToLower(strings.TrimSpace(t.source(x))); w {
		case "true", "false":
			return w, true
		case "null":
			return "NULL", true
		}
	case nString:
		if x.end-x.start == 1 {
			if tk := t.toks[x.start]; tk.kind == kString && strings.HasPrefix(tk.text, "'") {
				return tk.text, true
			}
		}
	case nParam:
		switch w := strings.ToLower(t.source(x)); w {
		case "true", "false", "current_date", "current_timestamp", "localtimestamp":
			return w, true
		case "null":
			return "NULL", true
		}
	case nParen:
		return t.duckName(x.x)
	case nUnary:
		switch x.name {
		case "not":
			s, ok := t.duckName(x.x)
			return "(NOT " + s + ")", ok
		case "-", "+":
			if x.name == "-" && x.x.kind == nLit {
				s, ok := t.duckName(x.x)
				return "-" + s, ok
			}
			s, ok := t.duckName(x.x)
			return "(" + x.name + "(" + s + "))", ok
		}
	case nBinary:
		op := x.name
		switch op {
		case "and", "or":
			// a chain of one operator is one list: (a AND b AND c)
			var terms []*node
			var flatten func(n *node)
			flatten = func(n *node) {
				if n.kind == nBinary && n.name == op {
					flatten(n.x)
					flatten(n.y)
					return
				}
				terms = append(terms, n)
			}
			flatten(x)
			parts := make([]string, len(terms))
			for i, n := range terms {
				s, ok := t.duckName(n)
				if !ok {
					return "", false
				}
				parts[i] = s
			}
			return "(" + strings.Join(parts, " "+strings.ToUpper(op)+" ") + ")", true
		case "<>":
			op = "!="
		case "==":
			op = "="
		case "+", "-", "*", "/", "%", "//", "||", "=", "!=", "<", "<=", ">", ">=":
		default:
			return "", false
		}
		return both(func(a, b string) string { return "(" + a + " " + op + " " + b + ")" })
	case nCast:
		if x.name != "::" && x.name != "cast" && x.name != "try_cast" {
			return "", false
		}
		s, ok := t.duckName(x.x)
		ty, tok := t.duckTypeName(x.y)
		fn := "CAST"
		if x.name == "try_cast" {
			fn = "TRY_CAST"
		}
		return fn + "(" + s + " AS " + ty + ")", ok && tok
	case nIs:
		switch {
		case x.name == "distinct":
			is := " IS DISTINCT FROM "
			if x.flag {
				is = " IS NOT DISTINCT FROM "
			}
			return both(func(a, b string) string { return "(" + a + is + b + ")" })
		case x.y != nil && strings.EqualFold(strings.TrimSpace(t.source(x.y)), "null"):
			s, ok := t.duckName(x.x)
			if x.flag {
				return "(" + s + " IS NOT NULL)", ok
			}
			return "(" + s + " IS NULL)", ok
		}
	case nIn:
		if x.y == nil || x.y.kind != nTuple {
			return "", false
		}
		a, ok1 := t.duckName(x.x)
		b, ok2 := list(x.y.list)
		return not("(" + a + " IN (" + b + "))"), ok1 && ok2
	case nBetween:
		a, ok1 := t.duckName(x.x)
		b, ok2 := t.duckName(x.y)
		c, ok3 := t.duckName(x.z)
		return not("(" + a + " BETWEEN " + b + " AND " + c + ")"), ok1 && ok2 && ok3
	case nLike:
		if x.z != nil || len(x.list) > 0 || x.tok2 >= 0 {
			return "", false
		}
		op := map[string]string{"like": "~~", "ilike": "~~*", "glob": "~~~"}[x.name]
		if op == "" || x.name == "glob" && x.flag {
			return "", false
		}
		if x.flag {
			op = "!" + op
		}
		return both(func(a, b string) string { return "(" + a + " " + op + " " + b + ")" })
	case nCase:
		var b strings.Builder
		b.WriteString("CASE ")
		kids := x.kids
		operand := ""
		if x.x != nil {
			s, ok := t.duckName(x.x)
			if !ok {
				return "", false
			}
			operand, kids = s, kids[1:]
		}
		for len(kids) >= 2 {
			cond, ok1 := t.duckName(kids[0])
			val, ok2 := t.duckName(kids[1])
			if !ok1 || !ok2 {
				return "", false
			}
			if operand != "" {
				cond = "(" + operand + " = " + cond + ")"
			}
			b.WriteString(" WHEN (" + cond + ") THEN (" + val + ")")
			kids = kids[2:]
		}
		els := "NULL"
		if len(kids) == 1 {
			s, ok := t.duckName(kids[0])
			if !ok {
				return "", false
			}
			els = s
		}
		b.WriteString(" ELSE " + els + " END")
		return b.String(), true
	case nCall:
		return t.duckCallName(x)
	case nExtract:
		// EXTRACT(part FROM x) is date_part('PART', x): a part written as
		// one of the grammar's keywords in its canonical upper case, any
		// other word in lower case, a string as written
		if x.y != nil {
			return "", false
		}
		tk := t.toks[x.tok]
		part := strings.ToLower(tk.text)
		switch tk.kind {
		case kString:
			part = tk.text[1 : len(tk.text)-1]
		case kQuoted:
			part = strings.ReplaceAll(tk.text[1:len(tk.text)-1], `""`, `"`)
		case kWord:
			if k, ok := duckExtractKeywords[part]; ok {
				part = k
			}
		}
		s, ok := t.duckName(x.x)
		return "date_part('" + strings.ReplaceAll(part, "'", "''") + "', " + s + ")", ok
	case nInterval:
		return t.duckIntervalName(x)
	case nArray:
		// [a, b] is list_value(a, b), ARRAY[a, b] (ARRAY[a, b])
		elems, ok := list(x.list)
		if t.toks[x.start].kind == kWord {
			return "(ARRAY[" + elems + "])", ok
		}
		return "list_value(" + elems + ")", ok
	case nStruct:
		// {'k': v} is struct_pack(k := v)
		if t.toks[x.start].text != "{" || len(x.names) != len(x.list) {
			return "", false
		}
		fields := make([]string, len(x.list))
		for i, e := range x.list {
			if e.kind == nItem {
				e = e.x
			}
			v, ok := t.duckName(e)
			if !ok {
				return "", false
			}
			fields[i] = duckIdent(x.names[i]) + " := " + v
		}
		return "struct_pack(" + strings.Join(fields, ", ") + ")", true
	case nLambda:
		// lambda x, i: body is (lambda x, i: body); DuckDB 2.0 refuses
		// the arrow's form, which is left as written
		if !strings.EqualFold(t.toks[x.start].text, "lambda") || x.x == nil {
			return "", false
		}
		params := make([]string, len(x.names))
		for i, p := range x.names {
			params[i] = duckIdent(p)
		}
		body, ok := t.duckName(x.x)
		return "(lambda " + strings.Join(params, ", ") + ": " + body + ")", ok
	}
	return "", false
}

// nameDuckItems gives each select item of s that DuckDB names by its
// expression (no alias, not a column, *, COLUMNS(...) or unnest) that name.
func (t *translator) nameDuckItems(s *node) {
	t.duckSel = s
	defer func() { t.duckSel = nil }()
	// a name taken twice is name_1 the second time, name_2 the third, as
	// DuckDB's table takes them (SQLite's would be name:1)
	taken := map[string]int{}
	for _, it := range s.sel.items {
		if it.kind == nItem {
			if n := it.name; n != "" {
				taken[n]++
			} else if it.x != nil && !isBoolOrNullWord(t, it.x) {
				if n := fieldName(t.toks, it.x); n != "" {
					taken[n]++
				}
			}
		}
	}
	for _, it := range s.sel.items {
		if it.kind != nItem || it.name != "" || it.x == nil {
			continue
		}
		if fieldName(t.toks, it.x) != "" && !isBoolOrNullWord(t, it.x) {
			continue
		}
		if expands(it.x) {
			continue
		}
		name, ok := t.duckName(it.x)
		if !ok {
			name = strings.TrimSpace(t.source(it.x))
		}
		if strings.ContainsAny(name, "\n\r") {
			continue // the line breaks of the SQL are kept as written
		}
		if k := taken[strings.ToLower(name)]; k > 0 {
			taken[strings.ToLower(name)]++
			name += "_" + strconv.Itoa(k)
		} else {
			taken[strings.ToLower(name)] = 1
		}
		it.post += ` AS "` + strings.ReplaceAll(name, `"`, `""`) + `"`
	}
}

// isBoolOrNullWord tells whether x is the word true, false or null, which
// parses as a name but is a constant.
func isBoolOrNullWord(t *translator, x *node) bool {
	if x.kind != nName || len(x.parts) != 1 || t.toks[x.parts[0]].kind != kWord {
		return false
	}
	w := t.toks[x.parts[0]].lower
	return w == "true" || w == "false" || w == "null"
}

// expands tells whether x is, or holds, a call that makes several columns
// or rows of one item (COLUMNS(...), unnest), whose names DuckDB gives
// otherwise.
func expands(x *node) bool {
	if x.kind == nCall && (x.name == "columns" || x.name == "*columns" || x.name == "unnest" || x.name == "generate_subscripts" || x.name == "regexp_split_to_table") {
		return true
	}
	for _, k := range x.kids {
		if expands(k) {
			return true
		}
	}
	return false
}
