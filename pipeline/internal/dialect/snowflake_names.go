package dialect

import (
	"regexp"
	"strings"
)

// plainIdentifier is a name Snowflake reads without quotes.
var plainIdentifier = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_$]*$`)

// SnowflakeColumnNames are the names Snowflake gives the columns of the
// answer to query, which SQLite answered with columns: Snowflake stores an
// unquoted identifier in upper case (select 1 as col_1 answers COL_1) and
// a quoted one as written. A select item named by a quoted alias or column
// keeps its name, as do the columns of SELECT * over one table whose
// columns were created quoted (quoted tells, given its SQLite schema and
// name: a seed without quote_columns: false, which dbt quotes); other names
// that Snowflake reads unquoted are upper-cased, the columns a * lists
// included, since SQLite keeps a name as written and not whether it was
// quoted.
func SnowflakeColumnNames(query string, columns []string, quoted func(schema, table string) bool) []string {
	items, star := quotedItems(query)
	if star != nil && quoted(star.schema, star.table) {
		return columns
	}
	out := make([]string, len(columns))
	for i, c := range columns {
		if items[strings.ToLower(c)] || !plainIdentifier.MatchString(c) {
			out[i] = c
			continue
		}
		out[i] = strings.ToUpper(c)
	}
	return out
}

// quotedItems are the lower-case names of the select items of query's last
// statement (its first SELECT, which names a set operation's columns) that
// a quoted identifier names; star is its one table when it selects * alone
// from one table.
func quotedItems(query string) (quoted map[string]bool, star *fromInfo) {
	toks, err := lex(Snowflake, query)
	if err != nil {
		return nil, nil
	}
	p := newParser(Snowflake, toks)
	root, ok := p.try(p.parseScript)
	if !ok || len(root.kids) == 0 {
		return nil, nil
	}
	q := root.kids[len(root.kids)-1]
	if q.kind == nQuery && len(q.list) > 0 {
		q = q.list[0]
	}
	if q = firstSelect(q); q == nil {
		return nil, nil
	}
	if len(q.sel.items) == 1 && q.sel.items[0].kind == nStar && len(q.sel.from) == 1 && q.sel.from[0].from.kind == fromTable {
		star = q.sel.from[0].from
	}
	for _, it := range q.sel.items {
		if it.kind != nItem {
			continue
		}
		tok := it.tok // the alias
		if tok < 0 && it.x != nil && it.x.kind == nName && len(it.x.parts) > 0 {
			tok = it.x.parts[len(it.x.parts)-1]
		}
		if tok >= 0 && (toks[tok].kind == kQuoted || toks[tok].kind == kString) {
			if quoted == nil {
				quoted = map[string]bool{}
			}
			quoted[identName(toks[tok])] = true
		}
	}
	return quoted, star
}
