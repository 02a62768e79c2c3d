package dialect

import "strings"

// csvFileTable is the temporary table the engine loaded the CSV file of
// DuckDB's read_csv('path', options) call into (Options.FileTable); when
// there is none it notes why on fi, for the translator to refuse.
func (p *parser) csvFileTable(fi *fromInfo, call *node) (string, bool) {
	if call.kind != nCall || len(call.list) == 0 || call.list[0].kind != nString {
		return "", false
	}
	for _, o := range call.list[1:] {
		if !p.plainCSVOption(o) {
			fi.fileErr = "an option other than header = true and delim = ','"
			return "", false
		}
	}
	table, err := p.fileTable(stringValue(p.d, p.toks[call.list[0].tok].text))
	if err != nil {
		fi.fileErr = err.Error()
		return "", false
	}
	return table, true
}

// plainCSVOption tells whether o is an option of read_csv that loading
// the file follows anyway: header = true, auto_detect = true, delim or
// sep = ','.
func (p *parser) plainCSVOption(o *node) bool {
	if o.kind != nBinary || o.name != "=" || o.x.kind != nName || len(o.x.parts) != 1 {
		return false
	}
	v := strings.ToLower(strings.TrimSpace(joinRaw(p.toks[o.y.start:o.y.end])))
	switch identName(p.toks[o.x.parts[0]]) {
	case "header", "auto_detect":
		return v == "true" || v == "1"
	case "delim", "sep":
		return o.y.kind == nString && stringValue(p.d, p.toks[o.y.tok].text) == ","
	}
	return false
}
