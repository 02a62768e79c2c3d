package dialect

import "strings"

// Snowflake names a select item without an alias by its text in upper
// case, as written: CONCAT(s1, s2) is CONCAT(S1, S2), a literal's text
// too (CONCAT('George ', 'Carver') is CONCAT('GEORGE ', 'CARVER')), and a
// semi-structured path src:a.b is SRC:A.B. A column (t.a is A) and $2
// keep their names; SQLite would name the item by the translated
// expression (concat_or_null(s1, s2)), and seq4() over a generator by its
// translation's column.
func (t *translator) nameSnowflakeItems(s *node) {
	if s.sel.asValue || s.sel.asStruct {
		return
	}
	for _, it := range s.sel.items {
		if it.kind != nItem || it.name != "" || it.x == nil || it.post != "" || it.print != nil || expands(it.x) {
			continue
		}
		if (it.x.kind == nName || it.x.kind == nParam) && fieldName(t.toks, it.x) != "" && !isBoolOrNullWord(t, it.x) {
			continue
		}
		name := strings.ToUpper(strings.TrimSpace(t.source(it.x)))
		if name == "" || strings.ContainsAny(name, "\n\r") {
			continue // the line breaks of the SQL are kept as written
		}
		it.post = ` AS "` + strings.ReplaceAll(name, `"`, `""`) + `"`
	}
}
