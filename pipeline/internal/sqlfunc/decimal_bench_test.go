package sqlfunc

import (
	"testing"

	"github.com/ncruces/go-sqlite3"
)

// BenchmarkDecimalCast casts 10,000 values to DECIMAL(10, 2) as the
// translator writes it, with and without the precision check, to show what
// decimal_fits adds to the common path.
func BenchmarkDecimalCast(b *testing.B) {
	conn, err := sqlite3.Open(":memory:")
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close()
	if err := Register(conn); err != nil {
		b.Fatal(err)
	}
	const rows = "with recursive n(i) as (select 1 union all select i + 1 from n where i < 10000) "
	for _, c := range []struct{ name, sql string }{
		{"rounded", rows + "select sum(round_scale(cast_to(i / 7.0, 'REAL', 'duckdb', 1), 2)) from n"},
		{"checked", rows + "select sum(decimal_fits(round_scale(cast_to(i / 7.0, 'REAL', 'duckdb', 1), 2), 10, 2, 1)) from n"},
	} {
		b.Run(c.name, func(b *testing.B) {
			stmt, _, err := conn.Prepare(c.sql)
			if err != nil {
				b.Fatal(err)
			}
			defer stmt.Close()
			for b.Loop() {
				if !stmt.Step() {
					b.Fatal(stmt.Err())
				}
				stmt.Reset()
			}
		})
	}
}
