package share

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// PlaygroundMacros are the built-in package's macros that dbt-nexus
// itself does not have (pipeline/nexus/package/macros/normalize.sql): a
// project calling them builds here but not with dbt-nexus on a warehouse.
var PlaygroundMacros = []string{"normalize_email", "normalize_phone", "normalize_domain", "email_domain", "normalize_identifier"}

var (
	playgroundCall = regexp.MustCompile(`\b(nexus\s*\.\s*)?(` + strings.Join(PlaygroundMacros, "|") + `)\s*\(`)
	macroDef       = regexp.MustCompile(`\{%-?\s*macro\s+([A-Za-z_][A-Za-z0-9_]*)\s*\(`)
)

// ExportWarnings names each call, in the project's .sql and .yml files, of
// a macro only the playground's built-in package has, with its file and
// line and what to do instead: an export must not fail on the warehouse
// in silence. A bare call of a macro the project defines itself is its
// own and fine; nexus.<name> never is.
func ExportWarnings(files map[string][]byte) []string {
	own := map[string]bool{}
	for name, data := range files {
		if strings.HasSuffix(name, ".sql") {
			for _, m := range macroDef.FindAllSubmatch(data, -1) {
				own[string(m[1])] = true
			}
		}
	}
	var out []string
	for name, data := range files {
		if !strings.HasSuffix(name, ".sql") && !strings.HasSuffix(name, ".yml") && !strings.HasSuffix(name, ".yaml") {
			continue
		}
		text := string(data)
		for _, m := range playgroundCall.FindAllStringSubmatchIndex(text, -1) {
			prefixed, macro := m[2] >= 0, text[m[4]:m[5]]
			if !prefixed && own[macro] || m[0] > 0 && isIdentByte(text[m[0]-1]) {
				continue
			}
			line := strings.Count(text[:m[0]], "\n") + 1
			out = append(out, fmt.Sprintf("%s:%d: %s is the playground's own macro; dbt-nexus has none, so dbt stops here on the warehouse (define %s in the project's macros/ and call it without nexus.)", name, line, text[m[0]:m[5]], macro))
		}
	}
	sort.Strings(out)
	return out
}

func isIdentByte(c byte) bool {
	return c == '_' || c == '.' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
