package dialect

import (
	"strings"
	"testing"
)

// TestLongExpressionsTranslate translates long chains and deep nests of
// each operator and conditional: a rule asking of its operands more than
// once must not cost a power of the length (before, 26 terms took seconds).
func TestLongExpressionsTranslate(t *testing.T) {
	const n = 100
	chain := func(op string) string { return strings.Repeat("a "+op+" ", n) + "a" }
	nest := func(open, close string) string { return strings.Repeat(open, n) + "a" + strings.Repeat(close, n) }
	shapes := []struct{ name, expr string }{
		{"plus", chain("+")}, {"minus", chain("-")}, {"times", chain("*")}, {"divide", chain("/")},
		{"modulo", chain("%")}, {"concat", chain("||")}, {"less", chain("<")}, {"equal", chain("=")},
		{"and", chain("and")}, {"or", chain("or")},
		{"parens", nest("(", ")")}, {"negation", nest("-(", ")")}, {"not", nest("not (", ")")},
		{"abs", nest("abs(", ")")}, {"coalesce", nest("coalesce(", ", b)")}, {"nullif", nest("nullif(", ", b)")},
		{"case", nest("case when x then ", " else b end")}, {"cast", nest("cast(", " as date)")},
		{"date_trunc", nest("date_trunc('day', ", ")")}, {"plus_minus", nest("(a - ", ") + b")},
	}
	for _, d := range []Dialect{DuckDB, Snowflake, BigQuery} {
		for _, s := range shapes {
			if _, err := TranslateFor(d, "select "+s.expr+" from t"); err != nil {
				t.Errorf("%s %s: %v", d, s.name, err)
			}
		}
	}
}
