package oracle

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand"
	"os"
	"strings"
	"testing"

	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc/conformance"
	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

const exploreTable = `with t as (
select 1 as k, cast(3 as integer) as i, cast(-7 as bigint) as j, cast(2.5 as double) as f, cast(12.34 as decimal(10,2)) as d, 'Hello World' as s, true as b, date '2024-02-29' as dt, timestamp '2024-03-10 13:45:30' as ts
union all select 2, 0, 5, -0.5, -1.10, '', false, date '2023-12-31', timestamp '2023-01-01 00:00:00'
union all select 3, null, null, null, null, null, null, null, null
union all select 4, -4, 1000000, 1e10, 0.01, 'a,b;c  ', true, date '2000-01-01', timestamp '1999-12-31 23:59:59.5'
union all select 5, 7, 2, 0.1, 99.99, 'ÄÖü straße', false, date '2024-01-15', timestamp '2024-06-30 12:00:00'
)
`

type gen struct{ r *rand.Rand }

func (g gen) pick(xs ...string) string { return xs[g.r.Intn(len(xs))] }

func (g gen) num(d int) string {
	if d <= 0 || g.r.Intn(3) == 0 {
		return g.pick("i", "j", "f", "d", "0", "1", "-3", "2.5", "7", "10", "0.1", "i", "j", "d")
	}
	a, b := g.num(d-1), g.num(d-1)
	switch g.r.Intn(26) {
	case 0, 1:
		return "(" + a + " + " + b + ")"
	case 2:
		return "(" + a + " - " + b + ")"
	case 3, 4:
		return "(" + a + " * " + b + ")"
	case 5, 6:
		return "(" + a + " / " + b + ")"
	case 7:
		return "(" + a + " // " + b + ")"
	case 8:
		return "(" + a + " % " + b + ")"
	case 9:
		return "abs(" + a + ")"
	case 10:
		return "round(" + a + ", " + g.pick("0", "1", "2", "-1") + ")"
	case 11:
		return g.pick("floor", "ceil", "sign", "trunc") + "(" + a + ")"
	case 12:
		return g.pick("greatest", "least") + "(" + a + ", " + b + ")"
	case 13:
		return "coalesce(" + a + ", " + b + ")"
	case 14:
		return "nullif(" + a + ", " + b + ")"
	case 15:
		return "case when " + g.boolx(d-1) + " then " + a + " else " + b + " end"
	case 16:
		return "cast(" + a + " as " + g.pick("integer", "bigint", "double", "decimal(10,2)", "decimal(18,4)", "float", "smallint") + ")"
	case 17:
		return "length(" + g.str(d-1) + ")"
	case 18:
		return "strpos(" + g.str(d-1) + ", " + g.pick("'o'", "'l'", "s", "''") + ")"
	case 19:
		return "extract(" + g.pick("year", "month", "day", "dow", "doy", "week", "quarter", "isodow", "epoch", "hour") + " from " + g.date(d-1) + ")"
	case 20:
		return "date_diff('" + g.pick("day", "month", "year", "week", "hour", "quarter") + "', " + g.date(d-1) + ", " + g.date(d-1) + ")"
	case 21:
		return "-" + a
	case 22:
		return "power(" + a + ", " + g.pick("2", "0.5", "0", "-1") + ")"
	case 23:
		return "mod(" + a + ", " + b + ")"
	case 24:
		return "try_cast(" + g.str(d-1) + " as " + g.pick("integer", "double", "decimal(10,2)", "bigint") + ")"
	default:
		return "(" + a + " " + g.pick("&", "|", "<<", ">>", "^") + " " + b + ")"
	}
}

func (g gen) str(d int) string {
	if d <= 0 || g.r.Intn(3) == 0 {
		return g.pick("s", "'abc'", "''", "' x '", "'A-b_C'", "s", "'2024-01-05'", "'12.5'", "'  42'")
	}
	a := g.str(d - 1)
	switch g.r.Intn(22) {
	case 0, 1:
		return "(" + a + " || " + g.str(d-1) + ")"
	case 2:
		return g.pick("upper", "lower", "trim", "ltrim", "rtrim", "reverse") + "(" + a + ")"
	case 3:
		return "substr(" + a + ", " + g.pick("0", "1", "2", "-2", "i") + ")"
	case 4:
		return "substr(" + a + ", " + g.pick("0", "1", "2", "-3") + ", " + g.pick("0", "1", "3", "-1") + ")"
	case 5:
		return "replace(" + a + ", " + g.pick("'l'", "'o'", "''", "' '") + ", " + g.pick("'L'", "''", "'xx'") + ")"
	case 6:
		return g.pick("left", "right") + "(" + a + ", " + g.pick("0", "2", "-1", "20") + ")"
	case 7:
		return g.pick("lpad", "rpad") + "(" + a + ", " + g.pick("0", "3", "8") + ", " + g.pick("'*'", "'ab'") + ")"
	case 8:
		return "split_part(" + a + ", " + g.pick("','", "' '", "';'", "''") + ", " + g.pick("1", "2", "-1", "0", "5") + ")"
	case 9:
		return "cast(" + g.num(d-1) + " as varchar)"
	case 10:
		return "regexp_replace(" + a + ", " + g.pick("'[aeiou]'", "'l+'", "'^.'", "'(o)'") + ", " + g.pick("'_'", "'<\\1>'", "''") + g.pick("", ", 'g'") + ")"
	case 11:
		return "regexp_extract(" + a + ", " + g.pick("'[A-Z]\\w+'", "'(\\d+)'", "'o(.)'") + g.pick("", ", 1", ", 0") + ")"
	case 12:
		return "repeat(" + a + ", " + g.pick("0", "2") + ")"
	case 13:
		return "concat(" + a + ", " + g.num(d-1) + ", " + g.str(d-1) + ")"
	case 14:
		return "cast(" + g.date(d-1) + " as varchar)"
	case 15:
		return "strftime(" + g.date(d-1) + ", " + g.pick("'%Y-%m-%d'", "'%d/%m/%y %H:%M'", "'%A %B %j'", "'%W %U %u %w'", "'%b %-d'") + ")"
	case 16:
		return "coalesce(" + a + ", " + g.str(d-1) + ")"
	case 17:
		return "concat_ws(" + g.pick("','", "'-'") + ", " + a + ", " + g.str(d-1) + ")"
	case 18:
		return "cast(" + g.boolx(d-1) + " as varchar)"
	case 19:
		return g.pick("dayname", "monthname") + "(" + g.date(d-1) + ")"
	case 20:
		return "md5(" + a + ")"
	default:
		return "initcap_missing_is_fine(" + a + ")"
	}
}

func (g gen) date(d int) string {
	if d <= 0 || g.r.Intn(3) == 0 {
		return g.pick("dt", "ts", "date '2024-01-31'", "timestamp '2020-02-29 06:07:08'", "dt", "ts")
	}
	a := g.date(d - 1)
	switch g.r.Intn(9) {
	case 0:
		return "(" + a + " + interval " + g.pick("1", "2", "-1") + " " + g.pick("day", "month", "year", "hour") + ")"
	case 1:
		return "date_trunc('" + g.pick("month", "year", "week", "quarter", "day", "hour") + "', " + a + ")"
	case 2:
		return "last_day(" + a + ")"
	case 3:
		return "cast(" + a + " as " + g.pick("date", "timestamp") + ")"
	case 4:
		return "date_add(" + a + ", interval " + g.pick("3", "-40") + " day)"
	case 5:
		return "(" + a + " - interval 1 " + g.pick("day", "month") + ")"
	case 6:
		return "greatest(" + a + ", " + g.date(d-1) + ")"
	case 7:
		return "make_date(" + g.pick("2020", "2024") + ", " + g.pick("2", "12") + ", " + g.pick("1", "29") + ")"
	default:
		return "coalesce(" + a + ", " + g.date(d-1) + ")"
	}
}

func (g gen) boolx(d int) string {
	if d <= 0 || g.r.Intn(4) == 0 {
		return g.pick("b", "true", "false", "null")
	}
	switch g.r.Intn(9) {
	case 0, 1:
		return "(" + g.num(d-1) + " " + g.pick("=", "<>", "<", ">=") + " " + g.num(d-1) + ")"
	case 2:
		return "(" + g.str(d-1) + " " + g.pick("=", "<", ">", "like 'H%'", "ilike '%o%'", "not like '%l_'") + ")"
		// comparisons above end with the operator when a pattern is picked
	case 3:
		return "(" + g.boolx(d-1) + " " + g.pick("and", "or") + " " + g.boolx(d-1) + ")"
	case 4:
		return "not " + g.boolx(d-1)
	case 5:
		return "(" + g.num(d-1) + " is " + g.pick("null", "not null") + ")"
	case 6:
		return "(" + g.date(d-1) + " " + g.pick("<", "=", ">") + " " + g.date(d-1) + ")"
	case 7:
		return g.pick("starts_with", "contains", "ends_with") + "(" + g.str(d-1) + ", " + g.pick("'H'", "'o'", "''") + ")"
	default:
		return "(" + g.num(d-1) + " between " + g.num(d-1) + " and " + g.num(d-1) + ")"
	}
}

func TestExploreRandom(t *testing.T) {
	duck, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer duck.Close()
	duck.Exec("SET TimeZone = 'UTC'")
	ctx := context.Background()
	ours, err := store.Open(ctx, store.MemoryDSN)
	if err != nil {
		t.Fatal(err)
	}
	defer ours.Close()
	g := gen{rand.New(rand.NewSource(1))}
	var out strings.Builder
	counts := map[string]int{}
	for n := 0; n < 3000; n++ {
		var e string
		switch n % 4 {
		case 0:
			e = g.num(3)
		case 1:
			e = g.str(3)
		case 2:
			e = g.boolx(3)
		default:
			e = g.date(2)
		}
		if strings.Contains(e, "initcap_missing") {
			continue
		}
		q := exploreTable + "select " + e + " as x from t order by k"
		theirs, theirErr := duckRows(duck, q)
		mine, myErr := ourRows(ctx, ours, q)
		switch {
		case theirErr != nil && myErr != nil:
			counts["botherr"]++
		case theirErr != nil:
			counts["duckerr"]++
			fmt.Fprintf(&out, "DUCKERR %s\n  duck: %v\n  ours: %s\n", e, firstLine(theirErr), conformance.Format(mine))
		case myErr != nil:
			counts["ourerr"]++
			fmt.Fprintf(&out, "OURERR %s\n  duck: %s\n  ours: %v\n", e, conformance.Format(theirs), firstLine(myErr))
		case !conformance.MatchRows(theirs, mine):
			counts["differ"]++
			fmt.Fprintf(&out, "DIFFER %s\n  duck: %s\n  ours: %s\n", e, conformance.Format(theirs), conformance.Format(mine))
		default:
			counts["same"]++
		}
	}
	os.WriteFile("/tmp/diffx/out.txt", []byte(out.String()), 0o644)
	t.Logf("%v", counts)
}
