package dialect

import "strings"

// Snowflake's SPLIT_TO_TABLE(s, delimiter) and STRTOK_SPLIT_TO_TABLE(s[,
// delimiters]) in FROM, as TABLE(...) or LATERAL: the parts of s as rows,
// read like FLATTEN's (json_each of the parts as an array): f.value the
// part, f.index its place counted from 1.

// splitTables are the functions and the sqlfunc function that splits.
var splitTables = map[string]string{"split_to_table": "split_to_json", "strtok_split_to_table": "tokens_array"}

// rewriteSplitTable writes FROM item f when it is one of splitTables; it
// reports whether it was.
func (t *translator) rewriteSplitTable(f *fromInfo) bool {
	call := f.expr
	if call.kind == nCall && call.name == "table" && len(call.list) == 1 && call.list[0].kind == nCall {
		inner := call.list[0]
		if splitTables[inner.name] == "" {
			return false
		}
		call.print = func(pr *printer, c *node) string { return pr.text(inner) + pr.carry(c, inner) }
		call = inner
	}
	fn := splitTables[call.name]
	if call.kind != nCall || fn == "" {
		return false
	}
	f.split = fn
	args := call.list
	call.print = func(pr *printer, c *node) string {
		s := make([]string, len(args))
		for i, a := range args {
			s[i] = strings.TrimSpace(pr.text(a))
		}
		return "json_each(" + fn + "(" + strings.Join(s, ", ") + "))" + pr.carry(c, args...)
	}
	if f.aliasStart < 0 {
		t.seq++
		f.alias = "_nexus_unnest" + itoa(t.seq)
		call.post += " AS " + f.alias
	}
	return true
}
