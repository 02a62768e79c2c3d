package dialect

import (
	"fmt"
	"math/rand"
	"runtime"
	"sort"
	"strings"
	"testing"
)

// The rewrites that compute once what SQLite would compute per outer row
// (a FULL or RIGHT JOIN as a union, grouped over a derived table; EXISTS as
// IN; a correlated subquery's tables materialized) must give the rows the
// query gives as written. Random tables of few values, NULLs and duplicates
// among them, and random queries of those shapes are run both ways on
// SQLite, where the written query has the standard meaning; the values
// used (integers, =, <>, <, IS NULL, count, sum, max) mean the same in
// DuckDB and SQLite.
func TestRewritesGiveTheWrittenRows(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	value := func() string {
		if rng.Intn(5) == 0 {
			return "NULL"
		}
		return fmt.Sprint(rng.Intn(4))
	}
	table := func(name string, cols ...string) string {
		var rows []string
		for range rng.Intn(7) {
			var vals []string
			for range cols {
				vals = append(vals, value())
			}
			rows = append(rows, "("+strings.Join(vals, ", ")+")")
		}
		sql := "CREATE TABLE " + name + " (" + strings.Join(cols, " INTEGER, ") + " INTEGER);"
		if len(rows) > 0 {
			sql += " INSERT INTO " + name + " VALUES " + strings.Join(rows, ", ") + ";"
		}
		return sql
	}
	pick := func(list ...string) string { return list[rng.Intn(len(list))] }
	// conditions of the ON: equalities of the sides and conditions on one
	// side (the rewritten forms), or another comparison (left as written)
	on := func(l, r string) string {
		conds := []string{l + ".k = " + r + ".k"}
		for range rng.Intn(3) {
			conds = append(conds, pick(
				l+".x = "+r+".y", r+".y = "+l+".x", l+".x < 2", r+".y IS NOT NULL", r+".y <> 1", "1 = 1", l+".x < "+r+".y"))
		}
		return strings.Join(conds, " AND ")
	}
	join := func() string { return pick("FULL JOIN", "FULL OUTER JOIN", "RIGHT JOIN", "RIGHT OUTER JOIN") }
	queries := []func() string{
		func() string {
			where := pick("", " WHERE a.x IS NULL", " WHERE coalesce(a.k, b.k) > 0", " WHERE b.y IS NULL OR a.x = 1")
			return "SELECT " + pick("a.k, a.x, b.k, b.y", "*", "a.x, b.y") + " FROM a " + join() + " b ON " + on("a", "b") + where
		},
		func() string {
			return "SELECT DISTINCT a.x, b.y FROM a " + join() + " b ON " + on("a", "b")
		},
		func() string {
			return "SELECT k, a.x, b.y FROM a " + join() + " b USING (k)" + pick("", " WHERE k IS NOT NULL")
		},
		func() string {
			return "SELECT a.x, c.z, b.y FROM a LEFT JOIN c ON c.k = a.k " + join() + " b ON " + on("a", "b") + " AND b.k = " + pick("a.k", "c.k")
		},
		func() string {
			return "SELECT a.x AS x, count(*) AS n, sum(b.y) AS s, count(b.k) AS m FROM a " + join() + " b ON " + on("a", "b") + " GROUP BY a.x" +
				pick("", " HAVING count(*) > 1")
		},
		func() string {
			return "SELECT sum(CASE WHEN a.k IS NULL THEN 1 ELSE 0 END) AS l, sum(CASE WHEN b.k IS NULL THEN 1 ELSE 0 END) AS r, count(*) AS n FROM a " +
				join() + " b ON " + on("a", "b")
		},
		func() string {
			return "SELECT k, count(*) AS n, max(x) AS mx FROM a " + join() + " b USING (k) GROUP BY k"
		},
		func() string {
			return "SELECT a.k, a.x, (SELECT max(b.y) FROM b WHERE b.k = a.k" + pick("", " AND b.y <> a.x", " AND b.y < a.x") + ") AS m FROM a"
		},
		func() string {
			return "SELECT a.k, a.x FROM a WHERE " + pick("", "NOT ") + "EXISTS (SELECT 1 FROM b WHERE b.k = a.k" +
				pick("", " AND b.y <> a.x", " AND b.y = a.x", " AND b.y > 1") + ")"
		},
		func() string {
			return "SELECT a.k, (SELECT count(*) FROM b JOIN c ON c.k = b.k WHERE b.k = a.k AND c.z " + pick("=", "<>") + " a.x) AS n FROM a"
		},
	}
	cols := func(_, table string) ([]string, error) {
		return map[string][]string{"a": {"k", "x"}, "b": {"k", "y"}, "c": {"k", "z"}}[table], nil
	}
	runs := 400
	if runtime.GOOS == "js" {
		runs = 100 // each run opens a database, several times slower in js/wasm
	}
	rewritten := 0
	for i := range runs {
		setup := table("a", "k", "x") + table("b", "k", "y") + table("c", "k", "z")
		query := queries[i%len(queries)]()
		translated, err := TranslateWith(query, Options{Dialect: DuckDB, Columns: cols})
		if err != nil {
			t.Fatalf("%s: %v", query, err)
		}
		if translated != query {
			rewritten++
		}
		conn, err := testDB(setup)
		if err != nil {
			t.Fatal(err)
		}
		want, err1 := queryCells(conn, query)
		got, err2 := queryCells(conn, translated)
		conn.Close()
		if err1 != nil || err2 != nil {
			t.Fatalf("%s\n%s\nas written: %v\nrewritten: %v", setup, query, err1, err2)
		}
		if w, g := sortedRows(want), sortedRows(got); w != g {
			t.Errorf("%s\n%s\nrewritten: %s\nwant %s\n got %s", setup, query, translated, w, g)
		}
	}
	if rewritten < runs*3/4 {
		t.Errorf("only %d of %d queries were rewritten", rewritten, runs)
	}
}

// sortedRows is rows as text, in an order of their own.
func sortedRows(rows [][]string) string {
	lines := make([]string, len(rows))
	for i, r := range rows {
		lines[i] = strings.Join(r, "|")
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}
