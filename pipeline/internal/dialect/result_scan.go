package dialect

import "strings"

// Snowflake's SHOW ...; SELECT $2 FROM TABLE(RESULT_SCAN(LAST_QUERY_ID())):
// a script reads the answer of the SHOW statement before it, by place or
// by the column names SHOW gives. Where that statement is a SHOW the
// translator writes as a query (SHOW TERSE SCHEMAS, SHOW SEQUENCES, SHOW
// MASKING POLICIES, SHOW TAGS), the FROM item is that query, run again: its answer
// depends on nothing the statements between change. A RESULT_SCAN of
// another query id, or after another statement, stays refused.

// shownNone are the SHOW statements of what the playground keeps none of,
// by their words after SHOW, with the columns Snowflake gives them, in
// order: CREATE MASKING POLICY and CREATE TAG are empty statements here
// (session_statements.go).
var shownNone = map[string][]string{
	"masking policies": {"created_on", "name", "database_name", "schema_name", "kind", "owner", "comment", "owner_role_type", "options"},
	"tags":             {"created_on", "name", "database_name", "schema_name", "owner", "comment", "allowed_values", "owner_role_type"},
}

// showNone rewrites Snowflake's SHOW MASKING POLICIES and SHOW TAGS [LIKE
// 'pattern'] [IN ...], statement n, as a query of no rows with SHOW's
// columns: no policy or tag is there to list. It tells whether n was one.
func (t *translator) showNone(n *node) bool {
	if t.d != Snowflake {
		return false
	}
	toks := t.codeToks(n)
	word := func(k int, w string) bool {
		return k < len(toks) && t.toks[toks[k]].kind == kWord && t.toks[toks[k]].lower == w
	}
	if !word(0, "show") {
		return false
	}
	var cols []string
	switch {
	case word(1, "masking") && word(2, "policies"):
		cols = shownNone["masking policies"]
	case word(1, "tags"):
		cols = shownNone["tags"]
	default:
		return false
	}
	if t.shown == nil {
		t.shown = map[*node][]string{}
	}
	t.shown[n] = cols
	t.pr.setTok(toks[0], noRows(cols))
	for i := toks[0] + 1; i < n.end; i++ {
		if t.toks[i].kind != kComment {
			t.pr.dropTok(i)
		}
	}
	return true
}

// noRows is a query of no rows with the columns cols.
func noRows(cols []string) string {
	items := make([]string, len(cols))
	for i, c := range cols {
		items[i] = "NULL AS " + c
	}
	return "SELECT " + strings.Join(items, ", ") + " LIMIT 0"
}

// tagReferenceColumns are the columns of Snowflake's INFORMATION_SCHEMA
// table functions TAG_REFERENCES and TAG_REFERENCES_ALL_COLUMNS.
var tagReferenceColumns = []string{"tag_database", "tag_schema", "tag_name", "tag_value", "level", "object_database", "object_schema", "object_name", "domain", "column_name"}

// rewriteTagReferences writes the FROM item f, TABLE([db.]
// INFORMATION_SCHEMA.TAG_REFERENCES[_ALL_COLUMNS](...)), as a subquery
// of no rows with its columns: ALTER ... SET TAG keeps no tag here. It
// tells whether f was one.
func (t *translator) rewriteTagReferences(f *fromInfo) bool {
	if t.d != Snowflake || !tagReferences(f) {
		return false
	}
	f.columns = tagReferenceColumns
	f.expr.print = func(pr *printer, c *node) string {
		return "(" + noRows(tagReferenceColumns) + ")" + pr.carry(c)
	}
	return true
}

// tagReferences tells whether the FROM item f is TABLE([db.]
// INFORMATION_SCHEMA.TAG_REFERENCES[_ALL_COLUMNS](...)) without a column
// list.
func tagReferences(f *fromInfo) bool {
	if f.kind != fromFunc || f.expr == nil || f.expr.kind != nCall || f.expr.name != "table" || len(f.expr.list) != 1 || f.aliasCols != nil {
		return false
	}
	name := strings.ToLower(f.expr.list[0].name)
	return f.expr.list[0].kind == nCall && (strings.HasSuffix(name, "information_schema.tag_references") || strings.HasSuffix(name, "information_schema.tag_references_all_columns"))
}

// resultScanOf is the statement whose answer TABLE(RESULT_SCAN(
// LAST_QUERY_ID())), FROM item f, reads: the statement of the script just
// before the one holding f, when it is a SHOW written as a query; nil
// otherwise. LAST_QUERY_ID(-1) is the same query.
func (t *translator) resultScanOf(f *fromInfo) *node {
	id := lastQueryID(f)
	if t.d != Snowflake || id == nil {
		return nil
	}
	if len(id.list) == 1 && strings.TrimSpace(t.pr.plain(id.list[0])) != "-1" {
		return nil
	}
	if t.script == nil {
		return nil
	}
	for i, k := range t.script.kids {
		if k.start <= f.expr.start && f.expr.start < k.end {
			if i == 0 {
				return nil
			}
			prev := t.script.kids[i-1]
			if t.shown[prev] == nil {
				return nil
			}
			return prev
		}
	}
	return nil
}

// rewriteResultScan writes the FROM item f, TABLE(RESULT_SCAN(
// LAST_QUERY_ID())), as the subquery of statement prev, whose columns
// $1, $2 ... and * read. It tells whether f was one.
func (t *translator) rewriteResultScan(f *fromInfo) bool {
	prev := t.resultScanOf(f)
	if id := lastQueryID(f); id != nil && t.d == Snowflake {
		t.resultScans[id] = true // part of the FROM item, refused or read
	}
	if prev == nil || f.aliasCols != nil {
		return false
	}
	f.columns = t.shown[prev]
	f.expr.print = func(pr *printer, c *node) string {
		// on the line of the FROM item: the lines of the script stay
		query := strings.TrimSpace(strings.ReplaceAll(pr.text(prev), "\n", " "))
		return "(" + query + ")" + pr.carry(c)
	}
	return true
}

// lastQueryID is the LAST_QUERY_ID([n]) call of the FROM item f when f is
// Snowflake's TABLE(RESULT_SCAN(LAST_QUERY_ID([n]))); nil otherwise.
func lastQueryID(f *fromInfo) *node {
	if f.kind != fromFunc || f.expr == nil || f.expr.kind != nCall || f.expr.name != "table" || len(f.expr.list) != 1 {
		return nil
	}
	scan := f.expr.list[0]
	if scan.kind != nCall || scan.name != "result_scan" || len(scan.list) != 1 {
		return nil
	}
	id := scan.list[0]
	if id.kind != nCall || id.name != "last_query_id" || len(id.list) > 1 {
		return nil
	}
	return id
}
