package dialect

import (
	"regexp"
	"strings"
)

// Snowflake stores an unquoted identifier in upper case and a quoted one
// as written: create table t as select a, "b" from s has columns A and b,
// which get_columns_in_relation, INFORMATION_SCHEMA.COLUMNS and the
// columns of a query's answer show. SQLite keeps every name as written, so
// the static types of a Snowflake relation also keep the columns a quoted
// identifier names: the key quotedPrefix + the lower-case name gives the
// name as written. A select item's column is quoted when its alias is, or,
// without an alias, when the last part of the column it reads is; * and
// t.* give the columns of what they read as those were made, and RENAME
// gives its new name as it is written. References stay ASCII
// case-insensitive, as SQLite resolves them.

// quotedPrefix starts the key of a column a quoted identifier names in the
// static types of a Snowflake relation.
const quotedPrefix = `"`

// plainIdentifier is a name Snowflake reads without quotes.
var plainIdentifier = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_$]*$`)

// quotedName is the name of select item it's column as written when a
// quoted identifier names it: its alias, or without one the last part of
// the column it reads; "" otherwise.
func (t *translator) quotedName(it *node) string {
	tok := it.tok
	if tok < 0 && it.x != nil && it.x.kind == nName && len(it.x.parts) > 0 {
		tok = it.x.parts[len(it.x.parts)-1]
	}
	if tok < 0 {
		return ""
	}
	switch k := t.toks[tok]; k.kind {
	case kQuoted:
		return strings.ReplaceAll(k.text[1:len(k.text)-1], `""`, `"`)
	case kString:
		return strings.Trim(k.text, `'"`)
	}
	return ""
}

// starRenameQuoted is the new name of column name in * st's RENAME as
// written when it is quoted, "" otherwise.
func (t *translator) starRenameQuoted(st *node, name string) string {
	if st.star == nil {
		return ""
	}
	for _, r := range st.star.renames {
		if strings.EqualFold(r.from, name) && t.toks[r.to].kind == kQuoted {
			return nameAsWritten(t.toks[r.to])
		}
	}
	return ""
}

// QuotedColumns adds to the static types of a Snowflake relation that its
// columns names were created quoted, as dbt creates a seed's when its
// quote_columns is true.
func QuotedColumns(types map[string]string, names []string) {
	for _, n := range names {
		types[quotedPrefix+strings.ToLower(n)] = n
	}
}

// unquotedPrefix starts the key of a column an unquoted identifier
// created, of a type not known, in the static types of a Snowflake
// relation: its columns are then known, and a quoted reference to one in
// a case other than upper is refused (refuseQuotedUnquoted).
const unquotedPrefix = "'"

// UnquotedColumns adds to the static types of a Snowflake relation that
// its columns were created unquoted (a seed's, as dbt-snowflake creates
// them unless quote_columns is true), those of no other key.
func UnquotedColumns(types map[string]string, names []string) {
	for _, n := range names {
		k := strings.ToLower(n)
		if _, typed := types[k]; !typed && plainIdentifier.MatchString(n) {
			types[unquotedPrefix+k] = "1"
		}
	}
}

// IsQuotedKey tells whether key of a relation's static types records a
// quoted column's name rather than a type.
func IsQuotedKey(key string) bool { return strings.HasPrefix(key, quotedPrefix) }

// StoredName is the name the warehouse of d gives the column SQLite names
// name, of a relation (or a query's answer) whose static types are types:
// on Snowflake, the name as written of a column a quoted identifier
// created, else the name in upper case when Snowflake reads it unquoted; in
// the other dialects name itself.
func StoredName(d Dialect, types map[string]string, name string) string {
	if d != Snowflake {
		return name
	}
	if stored, ok := types[quotedPrefix+strings.ToLower(name)]; ok {
		return stored
	}
	if plainIdentifier.MatchString(name) {
		return strings.ToUpper(name)
	}
	return name
}

// StoredNames are the StoredName of each of names, a new list.
func StoredNames(d Dialect, types map[string]string, names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = StoredName(d, types, n)
	}
	return out
}

// refuseUnquotedQuoted refuses an unquoted reference to a column a quoted
// identifier created in a case other than upper ("col_a", "Col_A"): as
// Snowflake resolves an unquoted name in upper case (col_a is COL_A), it
// finds no such column and fails with invalid identifier 'COL_A', while a
// column created as "COL_A" is the same as one created unquoted. A seed's
// columns are created quoted when quote_columns is true, so this is where
// a model reading such a seed's lower-case header unquoted fails there.
// A name that an item of its SELECT also gives as an alias is left alone:
// Snowflake may read it as that alias.
func (t *translator) refuseUnquotedQuoted(n *node, sc *scope) {
	if t.d != Snowflake || sc == nil || n.print != nil || len(n.parts) == 0 {
		return
	}
	last := n.parts[len(n.parts)-1]
	if t.toks[last].kind != kWord {
		return
	}
	if len(n.parts) == 1 && t.selectAliasElsewhere(n, sc) {
		return
	}
	c := t.column(n)
	upper := strings.ToUpper(t.toks[last].text)
	if c.stored == "" || c.stored == upper {
		return
	}
	written := `"` + strings.ReplaceAll(c.stored, `"`, `""`) + `"`
	quoted := written
	if len(n.parts) > 1 {
		quoted = t.nameText(n, len(n.parts)-1) + "." + written
	}
	t.refuse(last, refUnquotedQuoted, upper, written, quoted)
}

// refuseQuotedUnquoted refuses a quoted reference to a known column in a
// case other than the one it was created in: "id" where the column was
// created unquoted (Snowflake stored it as ID), or "Col_A" where it was
// created as "col_a". Snowflake compares a quoted name as written and
// fails with invalid identifier '"id"'; SQLite would find the column
// whatever its case. A column whose relation's columns are not known (a
// source's) is left alone, and so is a name an item of its SELECT gives as
// an alias.
func (t *translator) refuseQuotedUnquoted(n *node, sc *scope) {
	if t.d != Snowflake || sc == nil || n.print != nil || len(n.parts) == 0 {
		return
	}
	last := n.parts[len(n.parts)-1]
	if t.toks[last].kind != kQuoted || !strings.HasPrefix(t.toks[last].text, `"`) {
		return
	}
	if len(n.parts) == 1 && t.selectAliasElsewhere(n, sc) {
		return
	}
	c := t.column(n)
	if c.name == "" {
		return
	}
	stored := c.stored
	if stored == "" {
		if !plainIdentifier.MatchString(c.name) {
			return
		}
		stored = strings.ToUpper(c.name)
	}
	written := strings.ReplaceAll(nameAsWritten(t.toks[last]), `""`, `"`)
	if written == stored {
		return
	}
	quote := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
	how := "unquoted, which Snowflake stores in upper case,"
	if c.stored != "" {
		how = "quoted,"
	}
	fix := quote(stored)
	if c.stored == "" {
		fix += " or " + strings.ToLower(stored)
	}
	t.refuse(last, refQuotedUnquoted, quote(written), how, stored, fix)
}

// selectAliasElsewhere tells whether an item of the SELECT whose scope
// holds sc, other than the one n is in, has n's name as its alias.
func (t *translator) selectAliasElsewhere(n *node, sc *scope) bool {
	s := sc
	for s != nil && s.sel == nil {
		s = s.parent
	}
	if s == nil {
		return false
	}
	name := identName(t.toks[n.parts[0]])
	for _, it := range s.sel.sel.items {
		if it.kind == nItem && it.name == name && (n.start < it.start || n.start >= it.end) {
			return true
		}
	}
	return false
}

// quotedList is, for each name of a column list (a CTE's c(x, "y"), an
// alias's t(a, "b"), a view's), its name as written when it is quoted
// (Snowflake keeps its case), "" when it is not.
func (t *translator) quotedList(list []*node) []string {
	if t.d != Snowflake {
		return nil
	}
	out := make([]string, len(list))
	for i, k := range list {
		if k.tok >= 0 && k.tok < len(t.toks) && t.toks[k.tok].kind == kQuoted {
			tx := t.toks[k.tok].text
			out[i] = strings.ReplaceAll(tx[1:len(tx)-1], `""`, `"`)
		}
	}
	return out
}
