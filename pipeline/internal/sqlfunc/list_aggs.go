package sqlfunc

import (
	"encoding/json"
	"math"

	"github.com/ncruces/go-sqlite3"
)

// DuckDB's list_sum, list_min, list_max and list_avg over a JSON array:
// NULL elements are left out, and a list with no other element gives NULL,
// as the aggregates do (checked on DuckDB); Snowflake's ARRAY_MAX and
// ARRAY_MIN likewise. A second argument s says the elements are DECIMALs
// with s digits after the point: list_sum and list_avg add them exactly,
// in whole 10^-s, as DuckDB does (list_sum([1.10, 2.20]) is 3.3; list_avg
// divides those units by the count times 10^s).

func init() {
	add(Func{Name: "list_sum_json", NArgs: 1, Scalar: listAgg("LIST_SUM", "sum")},
		Func{Name: "list_min_json", NArgs: 1, Scalar: listAgg("LIST_MIN", "min")},
		Func{Name: "list_max_json", NArgs: 1, Scalar: listAgg("LIST_MAX", "max")},
		Func{Name: "list_avg_json", NArgs: 1, Scalar: listAgg("LIST_AVG", "avg")},
		Func{Name: "list_sum_json", NArgs: 2, Scalar: listAgg("LIST_SUM", "sum")},
		Func{Name: "list_avg_json", NArgs: 2, Scalar: listAgg("LIST_AVG", "avg")})
	for _, op := range []string{"sum", "min", "max", "avg"} {
		rename("list_"+op+"_json", "list_"+op, "duckdb")
	}
	// Snowflake's ARRAY_MAX and ARRAY_MIN: the same, NULLs left out
	rename("list_max_json", "array_max", "snowflake")
	rename("list_min_json", "array_min", "snowflake")
}

func listAgg(fn, op string) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		items, ok := arrayArg(ctx, args[0])
		if !ok {
			return
		}
		var vals []any
		var raws []json.RawMessage
		for _, it := range items {
			var v any
			if json.Unmarshal(it, &v) == nil && v != nil {
				vals = append(vals, v)
				raws = append(raws, it)
			}
		}
		if len(vals) == 0 {
			ctx.ResultNull()
			return
		}
		switch op {
		case "min", "max":
			best := 0
			for i := 1; i < len(vals); i++ {
				if c := compareJSON(vals[i], vals[best]); c < 0 && op == "min" || c > 0 && op == "max" {
					best = i
				}
			}
			resultElement(ctx, raws[best])
			return
		}
		sum, ints := 0.0, true
		var isum int64
		unit := 0.0 // 10^s for DECIMALs of scale s
		if len(args) > 1 {
			if s, ok := integer(args[1]); ok && s > 0 && s <= 17 {
				unit = math.Pow(10, float64(s))
			}
		}
		for i, v := range vals {
			f, ok := v.(float64)
			if !ok {
				fail(ctx, fn, "%s is not a number", raws[i])
				return
			}
			if unit != 0 {
				f = math.Round(f * unit)
			}
			var n int64
			if err := json.Unmarshal(raws[i], &n); err != nil {
				ints = false
			}
			isum += n
			sum += f
		}
		switch {
		case op == "avg" && unit != 0:
			ctx.ResultFloat(sum / (float64(len(vals)) * unit))
		case unit != 0:
			ctx.ResultFloat(sum / unit)
		case op == "avg":
			ctx.ResultFloat(sum / float64(len(vals)))
		case ints && math.Abs(sum) < 1<<62:
			ctx.ResultInt64(isum)
		default:
			ctx.ResultFloat(sum)
		}
	}
}
