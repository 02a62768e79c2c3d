package dialect

import (
	"strconv"
	"strings"
	"sync"
)

// DuckDB matches a call with the function's overloads when it binds the
// query, so a call with a number of arguments no overload takes
// (json_extract_path_text(j, 'a', 'b')) fails before the query runs: "No
// function matches the given name and argument types". The translator
// refuses such a call at its place, with the numbers the function takes
// (duckDBArityTable, DuckDB's own list, duckdb_arities.go). A function missing
// from the list is not checked, nor a call whose arguments DuckDB counts
// otherwise than as written.

// duckDBArities reads duckDBArityTable once, at the first call checked: a
// map literal of its 900 functions would compile to some 300 KB of
// initialization code in the wasm module.
var duckDBArities = sync.OnceValue(func() map[string][]int { return readArities(duckDBArityTable) })

// duckDBFunction reports whether DuckDB has a function named name (not
// counting the ones it reads as syntax, such as coalesce and cast), from
// its own list: the engine's own functions, which the translator writes,
// are not DuckDB's, and a model calling one would fail there.
func duckDBFunction(name string) bool {
	_, ok := duckDBArities()[name]
	return ok || duckDBOthers()[name]
}

var duckDBOthers = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, f := range strings.Fields(duckDBOtherFunctions) {
		m[f] = true
	}
	return m
})

// duckArityCall reports whether n's arguments are the ones DuckDB matches
// with the overloads, one each as written: not so for named arguments
// (struct_pack(a := 1)), a * or COLUMNS(*) inside (expanded per column),
// and WITHIN GROUP, whose ORDER BY is an argument too
// (percentile_cont(0.5) WITHIN GROUP (ORDER BY x) is quantile_cont(x, 0.5)).
// COUNT has its own refusal, saying what to write instead (rewrite_calls.go).
func duckArityCall(n *node) bool {
	if n.name == "count" {
		return false
	}
	for _, a := range n.list {
		if a.kind == nRaw || a.kind == nItem || a.kind == nStar || a.kind == nExpr {
			return false
		}
	}
	for _, k := range n.kids {
		if k.kind == nExpr && k.name == "within" {
			return false
		}
	}
	return true
}

// duckArityError says how many arguments DuckDB's fn takes when it does
// not take n, or "".
func duckArityError(fn string, n int) string {
	counts, ok := duckDBArities()[fn]
	if !ok || len(counts) == 0 {
		return ""
	}
	from := -1
	if len(counts) >= 2 && counts[len(counts)-1] < 0 {
		from, counts = counts[len(counts)-2], counts[:len(counts)-2]
	}
	if from >= 0 && n >= from {
		return ""
	}
	for _, c := range counts {
		if c == n {
			return ""
		}
	}
	// runs of three or more numbers are written "a to b"
	var parts []string
	for i := 0; i < len(counts); {
		j := i
		for j+1 < len(counts) && counts[j+1] == counts[j]+1 {
			j++
		}
		if j-i >= 2 {
			parts = append(parts, strconv.Itoa(counts[i])+" to "+strconv.Itoa(counts[j]))
		} else {
			for k := i; k <= j; k++ {
				parts = append(parts, strconv.Itoa(counts[k]))
			}
		}
		i = j + 1
	}
	if from >= 0 {
		parts = append(parts, strconv.Itoa(from)+" or more")
	}
	takes := parts[len(parts)-1]
	if len(parts) > 1 {
		takes = strings.Join(parts[:len(parts)-1], ", ") + " or " + takes
	}
	if from < 0 && len(counts) == 1 && counts[0] == 1 {
		takes += " argument"
	} else {
		takes += " arguments"
	}
	return strings.ToUpper(fn) + " takes " + takes + ", not " + strconv.Itoa(n)
}
