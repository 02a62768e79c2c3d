package jinja

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/nikolalohinski/gonja/v2/exec"
)

// agate's Table.print_table writes the table to the console as a Markdown
// table, which dbt-project-evaluator's on-run-end prints its findings with.
// agate types each column from its values as dbt's run_query builds the
// table: whole numbers (and a column of only None) are dbt's Integer, shown
// as written; other numbers are agate's Number, shown with thousands
// separators and as many decimal places as the column's most precise value
// needs, at most max_precision (then every value ends in …); text is
// left-justified and everything else right-justified.

// printingMethods are the table methods a call runs through the
// environment, as what they print goes to the run's output.
var printingMethods = map[string]bool{"print_table": true}

// agateKind is how print_table shows a column.
type agateKind int

const (
	agateInteger agateKind = iota
	agateNumber
	agateText
	agateOther // booleans, dates: str(), right-justified
)

// printTable is the text print_table(max_rows=20, max_columns=6,
// output=None, max_column_width=20, locale=None, max_precision=3) writes,
// without its last newline.
func (t table) printTable(a *exec.VarArgs) (string, error) {
	names := []string{"max_rows", "max_columns", "output", "max_column_width", "locale", "max_precision"}
	if len(a.Args) > len(names) {
		return "", fmt.Errorf("print_table() takes at most %d arguments (%d given)", len(names), len(a.Args))
	}
	for k := range a.KwArgs {
		found := false
		for _, n := range names {
			found = found || n == k
		}
		if !found {
			return "", fmt.Errorf("print_table() got an unexpected keyword argument '%s'", k)
		}
	}
	limit := func(i, def int) (int, error) {
		v := arg(a, i, names[i])
		switch {
		case v == nil:
			return def, nil
		case v.IsNil() || isNone(v):
			return -1, nil // no limit
		case !v.IsInteger():
			return 0, fmt.Errorf("print_table(): %s must be a whole number or None, not %s", names[i], pyRepr(v))
		}
		return v.Integer(), nil
	}
	maxRows, err := limit(0, 20)
	if err != nil {
		return "", err
	}
	maxCols, err := limit(1, 6)
	if err != nil {
		return "", err
	}
	maxWidth, err := limit(3, 20)
	if err != nil {
		return "", err
	}
	maxPrecision, err := limit(5, 3)
	if err != nil {
		return "", err
	}
	cols := t.columnNames()
	if maxRows < 0 {
		maxRows = len(t)
	}
	if maxCols < 0 {
		maxCols = len(cols)
	}
	const ellipsis, truncation = "...", "..."
	cut := func(s string) string {
		if maxWidth >= 0 && utf8.RuneCountInString(s) > maxWidth {
			r := []rune(s)
			return string(r[:max(0, maxWidth-len(truncation))]) + truncation
		}
		return s
	}
	kinds := make([]agateKind, len(cols))
	for j := range cols {
		kinds[j] = t.agateKind(j)
	}
	header := []string{}
	for _, c := range cols[:min(maxCols, len(cols))] {
		header = append(header, cut(c))
	}
	if maxCols < len(cols) {
		header = append(header, ellipsis)
	}
	widths := make([]int, len(header))
	for j, h := range header {
		widths[j] = utf8.RuneCountInString(h)
	}
	shown := t[:min(maxRows, len(t))]
	// decimal places of each Number column, from the rows shown
	places := make([]int, len(cols))
	capped := make([]bool, len(cols))
	for j := range cols {
		if kinds[j] != agateNumber {
			continue
		}
		for _, r := range shown {
			if d, ok := agateDecimal(r[j]); ok {
				places[j] = max(places[j], decimalPlaces(d))
			}
		}
		if maxPrecision >= 0 && places[j] > maxPrecision {
			places[j], capped[j] = maxPrecision, true
		}
	}
	var body [][]string
	for _, r := range shown {
		var out []string
		for j, v := range r {
			var s string
			switch val := exec.ToValue(v); {
			case j >= maxCols:
				s = ellipsis
			case val.IsNil() || isNone(val):
				s = ""
			case kinds[j] == agateNumber:
				if d, ok := agateDecimal(v); ok {
					s = groupedDecimal(d, places[j])
					if capped[j] {
						s += "…"
					}
				} else {
					s = pyStr(val)
				}
			default:
				s = pyStr(val)
			}
			s = cut(s)
			widths[j] = max(widths[j], utf8.RuneCountInString(s))
			out = append(out, s)
			if j >= maxCols {
				break
			}
		}
		body = append(body, out)
	}
	var lines []string
	row := func(cells []string) {
		parts := make([]string, len(cells))
		for j, c := range cells {
			pad := strings.Repeat(" ", max(0, widths[j]-utf8.RuneCountInString(c)))
			if kinds[min(j, len(kinds)-1)] == agateText {
				parts[j] = " " + c + pad + " "
			} else {
				parts[j] = " " + pad + c + " "
			}
		}
		lines = append(lines, "|"+strings.Join(parts, "|")+"|")
	}
	row(header)
	dashes := make([]string, len(widths))
	for j, w := range widths {
		dashes[j] = strings.Repeat("-", w)
	}
	lines = append(lines, "| "+strings.Join(dashes, " | ")+" |")
	for _, cells := range body {
		row(cells)
	}
	if maxRows < len(t) {
		marks := make([]string, len(header))
		for j := range marks {
			marks[j] = ellipsis
		}
		row(marks)
	}
	return strings.Join(lines, "\n"), nil
}

// agateKind is the type dbt's run_query gives column j: Integer when every
// value is a whole number or None, Number for other numbers, Text when any
// value is text, else another type (booleans, dates).
func (t table) agateKind(j int) agateKind {
	kind := agateInteger
	for _, r := range t {
		v := exec.ToValue(r[j])
		switch {
		case v.IsNil() || isNone(v):
		case v.IsString():
			return agateText
		case v.IsBool():
			kind = agateOther
		case isDecimal(v) || v.IsFloat():
			if kind == agateInteger {
				kind = agateNumber
			}
		case v.IsInteger():
		default:
			kind = agateOther
		}
	}
	return kind
}

// agateDecimal reads a number of a Number column as a decimal: a float by
// its shortest text, as Python's repr gives it.
func agateDecimal(v any) (*pyDecimal, bool) {
	val := exec.ToValue(v)
	if f, ok := val.Interface().(*decFloat); ok {
		return f.dec(), true
	}
	if val.IsInteger() {
		return &pyDecimal{coef: big.NewInt(int64(val.Integer()))}, true
	}
	if val.IsFloat() {
		f := val.Float()
		if math.IsInf(f, 0) || math.IsNaN(f) {
			return nil, false
		}
		if d, ok := parseDecimal(strconv.FormatFloat(f, 'f', -1, 64)); ok {
			return d.dec(), true
		}
	}
	return nil, false
}

// decimalPlaces is the digits after the point d needs, trailing zeros
// dropped, as agate counts them.
func decimalPlaces(d *pyDecimal) int {
	if d.exp >= 0 || d.coef.Sign() == 0 {
		return 0
	}
	digits := new(big.Int).Abs(d.coef).String()
	n := -d.exp
	for n > 0 && strings.HasSuffix(digits, "0") {
		digits = digits[:len(digits)-1]
		n--
	}
	return n
}

// groupedDecimal is d rounded to places, halves to even, with a comma
// between each three digits of its whole part, as agate's formatter writes
// it in the en_US locale.
func groupedDecimal(d *pyDecimal, places int) string {
	q := quantize(d, -places).dec()
	digits := new(big.Int).Abs(q.coef).String()
	for len(digits) <= places {
		digits = "0" + digits
	}
	whole, frac := digits[:len(digits)-places], digits[len(digits)-places:]
	var b strings.Builder
	if q.coef.Sign() < 0 {
		b.WriteByte('-')
	}
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if places > 0 {
		b.WriteString("." + frac)
	}
	return b.String()
}
