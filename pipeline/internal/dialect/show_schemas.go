package dialect

import (
	"strconv"
	"strings"
)

// Snowflake's SHOW TERSE SCHEMAS [LIKE 'pattern'] [IN ACCOUNT | IN
// [DATABASE] [db]] [STARTS WITH 'name'] [LIMIT n], which packages run to
// ask whether a schema exists (dbt-external-tables' create_external_schema),
// is a query over the schemas INFORMATION_SCHEMA.SCHEMATA lists, with the
// columns SHOW TERSE gives: created_on (NULL here: the playground keeps no
// creation time), name, kind (NULL for a schema, as there), database_name
// and schema_name (NULL, as there), ordered by name; LIKE matches in any
// case, STARTS WITH in the case written, as Snowflake's. A database other
// than the target's has no schemas here. Other forms of SHOW are left as
// written.

// showTerseSchemas rewrites statement n when it is SHOW TERSE SCHEMAS, and
// tells whether it did.
func (t *translator) showTerseSchemas(n *node) bool {
	if t.d != Snowflake {
		return false
	}
	var toks []int
	for i := skipSpace(t.toks, n.start); i < n.end; i = skipSpace(t.toks, i+1) {
		toks = append(toks, i)
	}
	word := func(k int, w string) bool {
		return k < len(toks) && t.toks[toks[k]].kind == kWord && t.toks[toks[k]].lower == w
	}
	str := func(k int) (string, bool) {
		if k < len(toks) && t.toks[toks[k]].kind == kString {
			return stringValue(t.d, t.toks[toks[k]].text), true
		}
		return "", false
	}
	if !word(0, "show") || !word(1, "terse") || !word(2, "schemas") {
		return false
	}
	schema := "d.name"
	name := "upper(" + t.dbtSchemaName(schema) + ")"
	database := strings.ToUpper(t.opts.Schemas.database)
	where := " WHERE d.name <> 'temp'"
	limit := ""
	k := 3
	if word(k, "like") {
		p, ok := str(k + 1)
		if !ok {
			return false
		}
		where += " AND " + name + " LIKE " + sqlString(p)
		k += 2
	}
	if word(k, "in") {
		k++
		switch {
		case word(k, "account"):
			k++
		default:
			if word(k, "database") {
				k++
			}
			if k < len(toks) && (t.toks[toks[k]].kind == kWord && !word(k, "starts") && !word(k, "limit") || t.toks[toks[k]].kind == kQuoted) {
				db := identName(t.toks[toks[k]])
				if t.toks[toks[k]].kind == kWord {
					db = strings.ToUpper(db)
				}
				if db != database {
					where += " AND 0"
				}
				k++
			}
		}
	}
	if word(k, "starts") && word(k+1, "with") {
		s, ok := str(k + 2)
		if !ok {
			return false
		}
		where += " AND substr(" + name + ", 1, " + strconv.Itoa(len([]rune(s))) + ") = " + sqlString(s)
		k += 3
	}
	if word(k, "limit") {
		if k+1 >= len(toks) || t.toks[toks[k+1]].kind != kNumber {
			return false
		}
		limit = " LIMIT " + t.toks[toks[k+1]].text
		k += 2
	}
	if k < len(toks) {
		return false // HISTORY, LIMIT ... FROM, WITH PRIVILEGES: left as written
	}
	sel := `SELECT NULL AS created_on, ` + name + ` AS name, NULL AS kind, ` + sqlString(database) + ` AS database_name, NULL AS schema_name` +
		" FROM pragma_database_list AS d" + where + " ORDER BY 2" + limit
	if t.shown == nil {
		t.shown = map[*node][]string{}
	}
	t.shown[n] = []string{"created_on", "name", "kind", "database_name", "schema_name"}
	t.pr.setTok(toks[0], sel)
	for _, i := range toks[1:] {
		t.pr.dropTok(i)
	}
	return true
}

// shownTypes are the static types of a SHOW statement's answer: its
// columns, whose names Snowflake gives in lower case, as quoted names.
func shownTypes(cols []string) map[string]string {
	out := map[string]string{}
	QuotedColumns(out, cols)
	return out
}
