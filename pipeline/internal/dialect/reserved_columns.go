package dialect

import "strings"

// joinWords are the join words (and END, and DuckDB's words for types and
// functions) each warehouse reserves, so that
// none names a column unquoted there (select left = 'T' is a syntax error),
// while SQLite takes them as names when nothing else fits.
var joinWords = map[Dialect]map[string]bool{
	DuckDB: {"left": true, "right": true, "full": true, "inner": true, "outer": true, "cross": true, "natural": true, "join": true, "end": true,
		// words DuckDB keeps for types and functions (checked on DuckDB:
		// select authorization from t is a syntax error there)
		"authorization": true, "binary": true, "collation": true, "concurrently": true, "freeze": true, "overlaps": true,
		"positional": true, "similar": true, "verbose": true, "semi": true, "anti": true, "asof": true, "at": true, "unpack": true},
	BigQuery:  {"left": true, "right": true, "full": true, "inner": true, "outer": true, "cross": true, "natural": true, "join": true, "end": true},
	Snowflake: {"left": true, "right": true, "full": true, "inner": true, "cross": true, "natural": true, "join": true},
}

// afterColumn are the words that may follow a column name in an
// expression: a join word before one of them (or before an operator, a
// comma, a parenthesis that closes, the end) is a column name.
var afterColumn = map[string]bool{"from": true, "as": true, "and": true, "or": true, "is": true, "in": true, "not": true,
	"like": true, "ilike": true, "between": true, "then": true, "else": true, "end": true, "when": true, "where": true,
	"group": true, "order": true, "limit": true, "asc": true, "desc": true, "nulls": true}

// unreserved are words the parser reserves that a warehouse does not:
// there they name a column where an expression starts (Snowflake's
// coalesce(ends, end), END being reserved in BigQuery and DuckDB only).
var unreserved = map[Dialect]map[string]bool{
	// OFFSET is not among Snowflake's reserved keywords either: a column
	// or lateral alias may be named offset (2000 as offset, x + offset)
	Snowflake: {"end": true, "offset": true},
	// words BigQuery's lexical structure does not list as reserved
	// (WITH OFFSET's column is named offset by default)
	BigQuery: {"offset": true, "filter": true, "match": true, "sample": true, "values": true, "returning": true,
		"conflict": true, "do": true, "indexed": true, "glob": true, "regexp": true, "rlike": true, "ilike": true},
}

// unreservedName tells whether word t, met where an expression starts, is
// a column name the dialect does not reserve: followed by what may follow
// a column.
func (p *parser) unreservedName(t *token) bool {
	if !unreserved[p.d][t.lower] {
		return false
	}
	next := p.peekAt(1)
	return !(next.kind == kWord && !afterColumn[next.lower] || next.kind == kOpen || next.kind == kQuoted)
}

// noteJoinWordRef records join word t, met where an expression starts,
// when it is written as a column name.
func (p *parser) noteJoinWordRef(t *token) {
	if !joinWords[p.d][t.lower] {
		return
	}
	next := p.peekAt(1)
	if next.kind == kWord && !afterColumn[next.lower] || next.kind == kOpen || next.kind == kQuoted {
		return
	}
	if p.joinWordRefs == nil {
		p.joinWordRefs = map[int]bool{}
	}
	p.joinWordRefs[p.ti()] = true
}

// refuseJoinWordRefs refuses the join words the parser met as column names.
func (t *translator) refuseJoinWordRefs(p *parser) {
	for i := range p.joinWordRefs {
		name := t.toks[i].text
		quoted := `"` + strings.ToLower(name) + `"`
		switch t.d {
		case Snowflake:
			quoted = `"` + strings.ToUpper(name) + `"`
		case BigQuery:
			quoted = "`" + strings.ToLower(name) + "`"
		}
		t.refuse(i, refJoinWordColumn, strings.ToUpper(name), dialectName(t.d), quoted)
	}
}

// noteAliasWord records alias token i when DuckDB refuses its word as an
// alias: a word of joinWords (its keywords for types and functions, such
// as AT, SEMI, BINARY), which DuckDB takes as an alias only after AS in a
// select list (select 1 as at); a table's alias, with AS or not, and a
// column's without AS are syntax errors there.
func (p *parser) noteAliasWord(i int, table, hasAs bool) {
	if p.d != DuckDB || i <= 0 || i >= len(p.toks) || p.toks[i].kind != kWord || !joinWords[DuckDB][p.toks[i].lower] || hasAs && !table {
		return
	}
	p.aliasWords = append(p.aliasWords, i)
}

// refuseAliasWords refuses the aliases noteAliasWord recorded.
func (t *translator) refuseAliasWords(p *parser) {
	for _, i := range p.aliasWords {
		t.refuse(i, refAliasWord, strings.ToUpper(t.toks[i].text))
	}
}
