package dialect

import "strings"

// DuckDB's sequences (CREATE SEQUENCE, nextval, currval, setval) are
// refused by name: a sequence is state kept between statements and runs,
// which a build here does not keep, and a key drawn from it differs with
// the order rows happen to be inserted in. A model numbers its rows with
// row_number() instead, or makes a key of its columns.

// refuseSequence refuses a DuckDB or Snowflake statement n that creates,
// alters or drops a sequence (Snowflake's are read as seq.nextval), and
// tells whether it did.
func (t *translator) refuseSequence(n *node) bool {
	if t.d != DuckDB && t.d != Snowflake {
		return false
	}
	verb, i, j, ok := t.ddlObject(n)
	if !ok || t.toks[j].lower != "sequence" {
		return false
	}
	k := skipSpace(t.toks, j+1)
	for k < n.end && (t.toks[k].lower == "if" || t.toks[k].lower == "not" || t.toks[k].lower == "exists") {
		k = skipSpace(t.toks, k+1)
	}
	var name strings.Builder
	for k < n.end && (t.toks[k].kind == kWord || t.toks[k].kind == kQuoted) {
		name.WriteString(t.toks[k].text)
		if k = skipSpace(t.toks, k+1); k >= n.end || t.toks[k].text != "." {
			break
		}
		name.WriteByte('.')
		k = skipSpace(t.toks, k+1)
	}
	t.refuse(i, refSequence, strings.ToUpper(verb)+" SEQUENCE "+name.String())
	return true
}
