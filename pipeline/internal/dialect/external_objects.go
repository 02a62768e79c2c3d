package dialect

import "strings"

// Statements on Snowflake's and BigQuery's objects over files in cloud
// storage: external tables, stages, file formats, pipes and storage
// integrations. Each stands for files (s3://, gs://, azure://, a stage)
// that the playground has no way to read, so a statement that creates,
// alters or drops one is refused by name, where it reached SQLite as a
// syntax error near a word of its own. So is a statement that loads or
// writes files (fileStatement).

// externalObjects are the kinds of object over files in cloud storage, by
// their first word, and the words that follow it in the kind's name.
var externalObjects = map[string][]string{
	"external": {"table"},
	"stage":    nil,
	"file":     {"format"},
	"pipe":     nil,
	"storage":  {"integration"},
}

// externalObjectDialects are the dialects with such objects.
var externalObjectDialects = map[Dialect]map[string]bool{
	Snowflake: {"external": true, "stage": true, "file": true, "pipe": true, "storage": true},
	BigQuery:  {"external": true},
}

// refuseExternalObject refuses a CREATE [OR REPLACE] [TEMP...], ALTER or
// DROP statement n (read token by token) of an external table, stage,
// file format, pipe or storage integration, and tells whether it did.
func (t *translator) refuseExternalObject(n *node) bool {
	kinds := externalObjectDialects[t.d]
	if kinds == nil {
		return false
	}
	_, i, j, ok := t.ddlObject(n)
	if !ok || !kinds[t.toks[j].lower] {
		return false
	}
	name := t.toks[j].text
	k := j
	for _, w := range externalObjects[t.toks[j].lower] {
		k = skipSpace(t.toks, k+1)
		if k >= n.end || t.toks[k].lower != w {
			return false
		}
		name += " " + t.toks[k].text
	}
	t.refuse(i, refExternalObject, strings.ToUpper(t.toks[i].text+" "+name))
	return true
}

// fileStatement names the statement n when it is one that loads or writes
// files, as the dialect has them: Snowflake's COPY INTO, PUT and GET,
// BigQuery's LOAD DATA and EXPORT DATA, DuckDB's COPY, EXPORT DATABASE and
// IMPORT DATABASE; "" otherwise.
func (t *translator) fileStatement(n *node) string {
	i := skipSpace(t.toks, n.start)
	if i >= n.end || t.toks[i].kind != kWord {
		return ""
	}
	first := t.toks[i].lower
	second := ""
	if j := skipSpace(t.toks, i+1); j < n.end && t.toks[j].kind == kWord {
		second = t.toks[j].lower
	}
	switch t.d {
	case Snowflake:
		switch {
		case first == "copy" && second == "into":
			return "COPY INTO"
		case first == "put" || first == "get":
			return strings.ToUpper(first)
		}
	case BigQuery:
		switch {
		case first == "load" && second == "data":
			return "LOAD DATA"
		case first == "export" && second == "data":
			return "EXPORT DATA"
		}
	case DuckDB:
		switch {
		case first == "copy":
			return "COPY"
		case (first == "export" || first == "import") && second == "database":
			return strings.ToUpper(first) + " DATABASE"
		}
	}
	return ""
}
