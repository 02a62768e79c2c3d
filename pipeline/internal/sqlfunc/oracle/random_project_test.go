package oracle

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// A random project is a dbt project for DuckDB whose models each compute
// one random expression over a small typed table: integers, decimals,
// doubles, text, booleans, dates and timestamps, NULLs in every column.
// Built by the pipeline and by DuckDB, every model must give the same
// table: the expressions mix the operators and functions models write
// (arithmetic, casts, text functions, comparisons, CASE, date parts), so
// that each pairing of types meets DuckDB's rules.

// randomRows is the table every model reads, as DuckDB's VALUES; the
// model that builds it casts each column to its type.
const randomRows = `select
  id::integer as id, i::integer as i, j::bigint as j, d::decimal(10,2) as d, x::double as x,
  s::varchar as s, u::varchar as u, b::boolean as b, dt::date as dt, ts::timestamp as ts
from (values
  (1, 7, -3, '2.50', '1.5', 'Hello', 'a,b,c', true, '2024-01-31', '2024-02-29 13:45:10'),
  (2, 0, 4, '-1.25', '-0.1', '', 'x', false, '2023-12-01', '2023-12-31 23:59:59.5'),
  (3, null, 2, null, null, null, null, null, null, null),
  (4, -12, 5, '100.00', '12345.678', 'ÄbC dé', ' pad ', true, '2000-02-29', '1999-12-31 00:00:00'),
  (5, 3, 0, '0.05', '-2.5', 'l''oeil', 'x,,y', false, '2024-12-31', '2024-06-15 06:07:08.123456'),
  (6, 25, -7, '-0.99', '0.0', 'hello', 'HELLO', null, '1970-01-01', '1970-01-01 00:00:01'),
  (7, -7, 2, '0.50', '2.5', 'straße', 'b,a', true, '2024-02-29', '2024-03-31 23:30:00'),
  (8, 7, 7, '-2.50', '-0.5', 'a_b%c', '', false, '2023-01-01', '2023-01-01 00:00:00')
) as v(id, i, j, d, x, s, u, b, dt, ts)
`

type exprType int

const (
	tInt exprType = iota
	tDouble
	tDecimal
	tText
	tBool
	tDate
	tTimestamp
)

// exprGen writes random expressions of a type, nested to a depth.
type exprGen struct{ r *rand.Rand }

func (g exprGen) pick(options ...string) string { return options[g.r.IntN(len(options))] }

func (g exprGen) of(t exprType, depth int) string {
	if depth <= 0 || g.r.IntN(4) == 0 {
		return g.leaf(t)
	}
	d := depth - 1
	switch g.r.IntN(6) {
	case 0:
		return "coalesce(" + g.of(t, d) + ", " + g.of(t, d) + ")"
	case 1:
		return "case when " + g.of(tBool, d) + " then " + g.of(t, d) + " else " + g.of(t, d) + " end"
	}
	switch t {
	case tInt:
		return g.pick(
			"("+g.of(tInt, d)+" "+g.pick("+", "-", "*", "//", "%")+" "+g.of(tInt, d)+")",
			g.pick("year", "month", "dayofweek", "weekofyear", "dayofyear")+"("+g.of(g.pickTime(), d)+")",
			"epoch_ms("+g.of(tTimestamp, d)+")", "ascii("+g.of(tText, d)+")",
			"("+g.of(tDate, d)+" - "+g.of(tDate, d)+")", "len([i, j, "+g.of(tInt, d)+"])",
			"{'a': "+g.of(tInt, d)+", 'b': s}.a", "cast(json_extract(to_json([i, "+g.of(tInt, d)+"]), '$[1]') as integer)",
			g.pick("len", "array_length")+"(string_split("+g.of(tText, d)+", ','))",
			"list_sum(["+g.of(tInt, d)+", "+g.of(tInt, d)+"])::integer",
			"abs("+g.of(tInt, d)+")", "(- "+g.of(tInt, d)+")",
			"length("+g.of(tText, d)+")",
			"cast("+g.of(tDouble, d)+" as integer)", "cast("+g.of(tDecimal, d)+" as integer)",
			"try_cast("+g.of(tText, d)+" as integer)",
			"extract("+g.pick("year", "month", "day", "dow", "doy", "quarter", "week")+" from "+g.of(g.pickTime(), d)+")",
			"date_part('"+g.pick("hour", "minute", "second", "isodow")+"', "+g.of(tTimestamp, d)+")",
			"date_diff('"+g.pick("day", "month", "year", "week", "hour")+"', "+g.of(tDate, d)+", "+g.of(tDate, d)+")",
			"strpos("+g.of(tText, d)+", "+g.of(tText, d)+")",
			g.pick("greatest", "least")+"("+g.of(tInt, d)+", "+g.of(tInt, d)+")",
			"nullif("+g.of(tInt, d)+", "+g.of(tInt, d)+")",
			"sign("+g.of(tDouble, d)+")", "round("+g.of(tDouble, d)+")::integer",
			"("+g.of(tDouble, d)+")::integer", "("+g.of(tDecimal, d)+")::integer", "trunc("+g.of(tDouble, d)+")::integer",
			g.pick("mod", "fdiv", "fmod")+"("+g.of(tInt, d)+", nullif("+g.of(tInt, d)+", 0))::integer",
			"strftime("+g.of(g.pickTime(), d)+", '"+g.pick("%U", "%W", "%V", "%G", "%u", "%w")+"')::integer",
			"date_diff('"+g.pick("month", "quarter", "hour", "minute", "week")+"', "+g.of(tTimestamp, d)+", "+g.of(tTimestamp, d)+")",
			"datediff('"+g.pick("day", "year", "month")+"', "+g.of(tDate, d)+", "+g.of(tTimestamp, d)+"::date)",
			"length("+g.of(tText, d)+")", "ord("+g.of(tText, d)+")",
			"floor("+g.of(tDecimal, d)+")::integer", "ceil("+g.of(tDouble, d)+")::integer",
			g.pick("add", "subtract", "multiply")+"("+g.of(tInt, d)+", "+g.of(tInt, d)+")",
			"{'a': "+g.of(tInt, d)+", 't': "+g.of(tTimestamp, d)+"}['a']",
			"len(["+g.of(tInt, d)+"] + [i])",
			// conditionals, list lambdas and part arithmetic models write
			"ifnull("+g.of(tInt, d)+", "+g.of(tInt, d)+")", "if("+g.of(tBool, d)+", "+g.of(tInt, d)+", "+g.of(tInt, d)+")",
			"case "+g.of(tInt, d)+" when 7 then 1 when "+g.of(tInt, d)+" then 2 else "+g.of(tInt, d)+" end",
			"date_sub('"+g.pick("day", "month", "year", "week")+"', "+g.of(g.pickTime(), d)+", "+g.of(g.pickTime(), d)+")",
			"position("+g.of(tText, d)+" in "+g.of(tText, d)+")",
			"list_sum(list_transform([i, j, "+g.of(tInt, d)+"], x -> x "+g.pick("* 2", "+ id", "// 2")+"))::integer",
			"len(list_filter([i, j, "+g.of(tInt, d)+"], x -> x "+g.pick("> 0", "% 2 = 0", "is null")+"))",
			"len(list_distinct([i, j, "+g.of(tInt, d)+"]))",
			"list_reduce([i, 1, "+g.of(tInt, d)+"], (a, b) -> a "+g.pick("+", "*", "-")+" b)",
			// struct and map access, list slices and sorts, bit operators,
			// integer overflow (INTEGER * INTEGER stays an INTEGER there)
			"struct_extract({'a': "+g.of(tInt, d)+", 'b': s}, 'a')", "map(['k', 'm'], ["+g.of(tInt, d)+", i])['"+g.pick("k", "m")+"']",
			"list_sum(list_slice([i, j, "+g.of(tInt, d)+"], "+g.pick("1", "2", "-2", "0")+", "+g.pick("2", "3", "-1")+"))::integer",
			"list_sort([i, j, "+g.of(tInt, d)+"]"+g.pick("", ", 'desc'", ", 'asc', 'nulls last'", ", 'desc', 'nulls first'")+")["+g.pick("1", "2", "3")+"]",
			"list_position([i, j, 7], "+g.of(tInt, d)+")", "len(list_sort(list_distinct([i, j, "+g.of(tInt, d)+", null])))",
			"("+g.of(tInt, d)+" "+g.pick("&", "|", "<<", ">>")+" "+g.pick("1", "2", "abs(j)")+")", "xor("+g.of(tInt, d)+", 5)",
			"("+g.of(tInt, d)+" * "+g.pick("100000000", "2000000000", "i")+")", "("+g.of(tInt, d)+"::smallint * "+g.pick("2000", "i")+"::smallint)",
			"(j * "+g.pick("4000000000000000000", "3")+")", "("+g.of(tInt, d)+" + 2147483640)",
			"date_part('"+g.pick("epoch", "millisecond", "microseconds", "decade", "century", "yearweek", "isoyear", "millennium")+"', "+g.of(tTimestamp, d)+")::bigint",
			g.pick("hour", "minute", "second", "millisecond", "microsecond")+"("+g.of(tTimestamp, d)+")",
			"instr("+g.of(tText, d)+", 'l')", "bit_count("+g.of(tInt, d)+")",
			"coalesce("+g.of(tInt, d)+", "+g.pick("null", "id")+", 0)",
		)
	case tDouble:
		return g.pick(
			"("+g.of(tInt, d)+" / nullif("+g.of(tInt, d)+", 0))",
			"("+g.of(tDouble, d)+" "+g.pick("+", "-", "*")+" "+g.of(tDouble, d)+")",
			"("+g.of(tDouble, d)+" / nullif("+g.of(tDouble, d)+", 0))",
			"("+g.of(tDecimal, d)+" / nullif("+g.of(tDecimal, d)+", 0))",
			"epoch("+g.of(tTimestamp, d)+")",
			"round("+g.of(tDouble, d)+", "+g.pick("0", "1", "2", "-1")+")",
			"floor("+g.of(tDouble, d)+")", "ceil("+g.of(tDouble, d)+")",
			"sqrt(abs("+g.of(tDouble, d)+"))", "power("+g.of(tDouble, d)+", 2)",
			"cast("+g.of(tDecimal, d)+" as double)", "cast("+g.of(tInt, d)+" as double)",
			"try_cast("+g.of(tText, d)+" as double)",
			"("+g.of(tDouble, d)+" "+g.pick("+", "*")+" "+g.of(tInt, d)+")",
			g.pick("add", "multiply")+"("+g.of(tDouble, d)+", "+g.of(tInt, d)+")",
			"coalesce("+g.of(tDouble, d)+", "+g.of(tDecimal, d)+")", "coalesce("+g.of(tInt, d)+", "+g.of(tDouble, d)+")",
			"("+g.of(tDecimal, d)+" * "+g.of(tDouble, d)+")", "("+g.of(tDouble, d)+" % "+g.pick("0.3", "2")+")",
			"("+g.of(tInt, d)+" ** 2)", "epoch_ms("+g.of(tTimestamp, d)+") / 1000",
		)
	case tDecimal:
		return g.pick(
			"("+g.of(tDecimal, d)+" "+g.pick("+", "-", "*")+" "+g.of(tDecimal, d)+")",
			"("+g.of(tDecimal, d)+" "+g.pick("+", "-", "*")+" "+g.of(tInt, d)+")",
			"round("+g.of(tDecimal, d)+", "+g.pick("0", "1")+")",
			"abs("+g.of(tDecimal, d)+")",
			"cast("+g.of(tInt, d)+" as decimal(10,2))", "cast("+g.of(tDouble, d)+" as decimal(12,3))",
			"floor("+g.of(tDecimal, d)+")",
			"cast("+g.of(tDouble, d)+" as decimal(9,1))", "cast("+g.of(tDecimal, d)+" as decimal(6,1))",
			"round("+g.of(tDecimal, d)+", 1)", "ceil("+g.of(tDecimal, d)+")", "trunc("+g.of(tDecimal, d)+")",
			"greatest("+g.of(tDecimal, d)+", "+g.of(tInt, d)+")",
			"(case when "+g.of(tBool, d)+" then {'a': "+g.of(tDecimal, d)+"} else {'a': d} end).a",
			"(case when "+g.of(tBool, d)+" then ("+g.of(tDecimal, d)+", s) else (d, u) end)[1]",
			"row("+g.of(tDecimal, d)+", i)[1]", g.pick("add", "subtract")+"("+g.of(tDecimal, d)+", "+g.of(tDecimal, d)+")",
			// DECIMAL scales: * adds them, + keeps the larger; COALESCE and
			// CASE of an INTEGER and a DECIMAL
			"("+g.of(tDecimal, d)+" * "+g.pick("d", "1.005", "0.5")+")", "("+g.of(tDecimal, d)+" + "+g.pick("0.001", "1.5", "i")+")",
			"coalesce("+g.of(tInt, d)+", "+g.of(tDecimal, d)+")", "coalesce("+g.of(tDecimal, d)+", "+g.of(tInt, d)+", 0.5)",
			"case when "+g.of(tBool, d)+" then "+g.of(tInt, d)+" when "+g.of(tBool, d)+" then null else "+g.of(tDecimal, d)+" end",
			"round("+g.of(tDecimal, d)+" * 1.005, 2)", "cast("+g.of(tDecimal, d)+" as decimal(18,6))", "(i::decimal(4,1) * "+g.of(tDecimal, d)+")",
			"("+g.of(tDecimal, d)+" % "+g.pick("0.3", "2")+")",
		)
	case tText:
		return g.pick(
			"("+g.of(tText, d)+" || "+g.of(tText, d)+")",
			"concat("+g.of(tText, d)+", "+g.of(g.pickAny(), d)+")",
			"concat_ws('-', "+g.of(tText, d)+", "+g.of(tText, d)+")",
			g.pick("upper", "lower", "trim", "ltrim", "rtrim", "reverse", "md5")+"("+g.of(tText, d)+")",
			"substr("+g.of(tText, d)+", "+g.pick("1", "2", "-2", "0")+", "+g.pick("1", "3", "10")+")",
			"substr("+g.of(tText, d)+", "+g.of(tInt, d)+")",
			g.pick("left", "right")+"("+g.of(tText, d)+", "+g.pick("0", "2", "-1")+")",
			"replace("+g.of(tText, d)+", 'l', 'L')",
			g.pick("lpad", "rpad")+"("+g.of(tText, d)+", "+g.pick("3", "8")+", '*')",
			"repeat("+g.of(tText, d)+", 2)",
			"split_part("+g.of(tText, d)+", ',', "+g.pick("1", "2", "3", "-1")+")",
			"regexp_replace("+g.of(tText, d)+", '[aeiou]', '_'"+g.pick("", ", 'g'")+")",
			"regexp_extract("+g.of(tText, d)+", '([A-Za-z])([a-z]*)', "+g.pick("0", "1", "2")+")",
			"cast("+g.of(g.pickAny(), d)+" as varchar)",
			g.pick("dayname", "monthname")+"("+g.of(g.pickTime(), d)+")",
			"{'a': i, 'b': "+g.of(tText, d)+"}.b", "(to_json({'a': i, 's': "+g.of(tText, d)+"}) ->> '$.s')",
			"json_extract_string(to_json(["+g.of(tText, d)+", 'z']), '$[0]')",
			"cast(("+g.of(tTimestamp, d)+" - "+g.of(tTimestamp, d)+") as varchar)",
			"cast(["+g.of(tInt, d)+", "+g.of(tInt, d)+"] as varchar)",
			"cast({'k': "+g.of([]exprType{tInt, tText, tBool, tDate}[g.r.IntN(4)], d)+"} as varchar)",
			"cast(case when "+g.of(tBool, d)+" then 1 else "+g.of(tDouble, d)+" end as varchar)",
			"cast(case when "+g.of(tBool, d)+" then "+g.of(tInt, d)+" else "+g.of(tDecimal, d)+" end as varchar)",
			"string_split("+g.of(tText, d)+", ',')["+g.pick("1", "2", "-1")+"]",
			"array_to_string(string_split("+g.of(tText, d)+", ','), '/')",
			"translate("+g.of(tText, d)+", 'lo', '01')", "strip_accents("+g.of(tText, d)+")",
			"("+g.of(tText, d)+")["+g.pick("1", "2", "-2")+":"+g.pick("2", "3", "-1")+"]",
			"array_to_string(regexp_extract_all("+g.of(tText, d)+", '[a-z]+'), '+')",
			"array_to_string(string_split_regex("+g.of(tText, d)+", '[,_ ]'), '+')",
			"ltrim("+g.of(tText, d)+", 'Hx ')", "nullif("+g.of(tText, d)+", '')", "chr(65 + abs(i))",
			"lpad("+g.of(tText, d)+", 6, 'ab')", "concat_ws(',', "+g.of(tText, d)+", null, "+g.of(tText, d)+")",
			"array_to_string(list_sort(string_split("+g.of(tText, d)+", ',')), '|')",
			"upper("+g.of(tText, d)+") || lower("+g.of(tText, d)+")",
			"cast(("+g.of(tTimestamp, d)+")::date as varchar)", "cast(("+g.of(tTimestamp, d)+")::time as varchar)",
			"strftime("+g.of(g.pickTime(), d)+", '"+g.pick("%A %d %B %Y", "%y%m%d %H%M%S.%f", "%b %-d, %Y", "%Y-W%V-%u")+"')",
			"printf('"+g.pick("%05.1f", "%.3f")+"', "+g.pick("x", "d")+")", "printf('%d items', i)",
			"strftime("+g.of(tTimestamp, d)+", '"+g.pick("%Y-%m-%d", "%H:%M:%S", "%d/%m/%y %I%p", "%j %a %b")+"')",
			"("+g.of(g.pickAny(), d)+")::text",
			"format('{}-{}', "+g.of(g.pickAny(), d)+", "+g.of(g.pickAny(), d)+")",
			// dates, timestamps and DECIMALs inside structs, lists and tuples
			"cast({'k': "+g.of(g.pickTime(), d)+", 'n': "+g.of(tDecimal, d)+"} as varchar)",
			"cast(["+g.of(tTimestamp, d)+", "+g.of(g.pickTime(), d)+"] as varchar)",
			"cast(["+g.of(tDate, d)+", null, "+g.of(tDate, d)+"] as varchar)",
			"cast(("+g.of(g.pickTime(), d)+", "+g.of(g.pickAny(), d)+") as varchar)",
			"concat('x', {'t': "+g.of(g.pickTime(), d)+"})",
			"format('{}', ["+g.of(g.pickTime(), d)+"])",
			"cast([{'a': "+g.of(tDecimal, d)+", 't': "+g.of(g.pickTime(), d)+"}] as varchar)",
			"cast(list_sort(["+g.of(tTimestamp, d)+", ts]) as varchar)",
			"cast(case when "+g.of(tBool, d)+" then {'t': "+g.of(tTimestamp, d)+"} else {'t': ts} end as varchar)",
			"printf('%s', {'d': "+g.of(tDate, d)+", 'x': "+g.of(tDouble, d)+"})",
			"cast(coalesce([dt], ["+g.of(tDate, d)+"]) as varchar)",
			"(case when "+g.of(tBool, d)+" then "+g.of(tText, d)+" else '[1,2]' end)["+g.pick("1", "2")+":"+g.pick("2", "3")+"]",
			"case "+g.of(tText, d)+" when 'Hello' then 'greeting' when '' then 'empty' else "+g.of(tText, d)+" end",
			"ifnull("+g.of(tText, d)+", 'none')", "if("+g.of(tBool, d)+", "+g.of(tText, d)+", "+g.of(tText, d)+")",
			"array_to_string(list_transform(string_split("+g.of(tText, d)+", ','), x -> "+g.pick("upper(x)", "x || '!'", "length(x)::varchar")+"), '-')",
			"regexp_replace("+g.of(tText, d)+", '([a-z])([a-z])', '"+g.pick("\\2\\1", "<\\0>")+"'"+g.pick("", ", 'g'")+")",
			"cast(try_cast("+g.of(tText, d)+" as date) as varchar)",
			// regex groups and options, pads and repeats of any length,
			// maps, slices and sorts of lists, intervals and DECIMALs as text
			"regexp_replace("+g.of(tText, d)+", '(l+)', '[\\1]'"+g.pick("", ", 'g'", ", 'i'", ", 'gi'")+")",
			"regexp_extract("+g.of(tText, d)+", '"+g.pick("(\\w)(\\w)", "([a-z]+)_([a-z]+)", "(\\d*)")+"', "+g.pick("0", "1", "2")+")",
			"regexp_replace("+g.of(tText, d)+", '"+g.pick("^(.)", "(.)$", "\\s+", "[^a-z]")+"', '"+g.pick("<\\1>", "", "-")+"'"+g.pick("", ", 'g'")+")",
			g.pick("lpad", "rpad")+"("+g.of(tText, d)+", "+g.of(tInt, d)+", '"+g.pick("xy", "*", "")+"')",
			"repeat("+g.of(tText, d)+", "+g.of(tInt, d)+")", g.pick("left", "right")+"("+g.of(tText, d)+", "+g.of(tInt, d)+")",
			"split_part("+g.of(tText, d)+", ',', "+g.of(tInt, d)+")",
			"cast(map(['a', 'b'], ["+g.of(tInt, d)+", j]) as varchar)", "cast(map_keys(map([s, 'z'], [1, 2])) as varchar)",
			"cast(list_slice(["+g.of(tText, d)+", 'q', s], "+g.pick("1", "2", "-2")+", "+g.pick("2", "3", "-1")+") as varchar)",
			"cast(list_sort(list_distinct([i, j, "+g.of(tInt, d)+", null])"+g.pick("", ", 'desc'")+") as varchar)",
			"cast(list_reverse(["+g.of(tInt, d)+", i]) as varchar)", "array_to_string(list_sort(["+g.of(tText, d)+", u, 'M']), ',')",
			"cast(interval '"+g.pick("1 day 2 hours", "90 minutes", "1 year 2 months", "-36 hours")+"' as varchar)",
			"cast(("+g.pick("i", "j", "id")+" * interval '"+g.pick("1 day", "90 minutes", "1 month")+"') as varchar)",
			"cast(age("+g.of(tTimestamp, d)+", timestamp '2000-01-01') as varchar)",
			"cast(("+g.of(tDate, d)+" - "+g.of(tTimestamp, d)+") as varchar)",
			"cast("+g.of(tDecimal, d)+" * "+g.of(tDecimal, d)+" as varchar)", "cast(("+g.of(tDecimal, d)+" + 1.005) as varchar)",
			"cast(coalesce("+g.of(tInt, d)+", "+g.of(tDecimal, d)+") as varchar)", "cast(coalesce("+g.of(tDecimal, d)+", "+g.of(tDouble, d)+") as varchar)",
			"case when "+g.of(tBool, d)+" then null when "+g.of(tBool, d)+" then "+g.of(tText, d)+" end",
			"concat("+g.of(tText, d)+", null, "+g.of(tInt, d)+")", "("+g.of(tText, d)+" || null)",
			"format('"+g.pick("{:>6}", "{:<4}|", "{:^7}")+"', "+g.of(tText, d)+")", "format('{:.2f}', "+g.of(tDouble, d)+")",
			"printf('"+g.pick("%5s|", "%-5s|", "%x", "%08.3f")+"', "+g.pick("s", "i", "x")+")",
			"strftime("+g.of(tTimestamp, d)+", '"+g.pick("%Y-%m-%dT%H:%M:%S.%g", "%I:%M %p", "%-m/%-d/%y", "%e %h", "%C %D", "%T %R")+"')",
			"cast(make_date("+g.pick("2000 + i", "2024", "1999")+", "+g.pick("1 + abs(i) % 12", "2", "12")+", "+g.pick("1", "abs(j) % 28 + 1", "28")+") as varchar)",
			"hex("+g.of(tInt, d)+")", "bin("+g.pick("i", "abs(j)")+")", "to_base(abs("+g.of(tInt, d)+"), "+g.pick("2", "16", "36")+")",
		)
	case tBool:
		ct := g.pickCmp()
		return g.pick(
			"("+g.of(ct, d)+" "+g.pick("=", "<>", "<", "<=", ">", ">=")+" "+g.of(ct, d)+")",
			"("+g.of(tBool, d)+" "+g.pick("and", "or")+" "+g.of(tBool, d)+")",
			"(not "+g.of(tBool, d)+")",
			"("+g.of(g.pickAny(), d)+" is "+g.pick("", "not ")+"null)",
			"("+g.of(tText, d)+" "+g.pick("like", "ilike", "not like")+" '"+g.pick("H%", "%l_", "%", "_")+"')",
			g.pick("starts_with", "contains")+"("+g.of(tText, d)+", '"+g.pick("H", "l", "")+"')",
			"("+g.of(tInt, d)+" between "+g.of(tInt, d)+" and "+g.of(tInt, d)+")",
			"("+g.of(tInt, d)+" in (1, 7, "+g.of(tInt, d)+"))",
			"("+g.of(ct, d)+" is distinct from "+g.of(ct, d)+")",
			"regexp_matches("+g.of(tText, d)+", 'l+')",
			"regexp_full_match("+g.of(tText, d)+", '[a-z]+')",
			g.pick("suffix", "prefix", "ends_with")+"("+g.of(tText, d)+", '"+g.pick("c", "a", "")+"')",
			"("+g.of(tText, d)+" like 'a\\_%' escape '\\')",
			"("+g.of(tText, d)+" "+g.pick("<", ">", "=")+" "+g.of(tText, d)+")",
			"("+g.of(tDecimal, d)+" "+g.pick("<", "=", ">=")+" "+g.of(tDouble, d)+")",
			"("+g.of(tDate, d)+" "+g.pick("<", "=")+" "+g.of(tTimestamp, d)+")",
			"list_contains(string_split("+g.of(tText, d)+", ','), 'b')",
			"(row(i, "+g.of(tInt, d)+") "+g.pick("in", "not in")+" (select j, i from {{ ref('t') }}))",
			"list_has_any([i, j], [1, 7, "+g.of(tInt, d)+"])", "list_has_all([i, j], [i, "+g.of(tInt, d)+"])",
			"regexp_matches("+g.of(tText, d)+", '"+g.pick("^h", "L", "é")+"', '"+g.pick("i", "c")+"')",
			"("+g.of(tTimestamp, d)+" between "+g.of(tTimestamp, d)+" and "+g.of(tTimestamp, d)+")",
			"("+g.of(tInt, d)+"::varchar = "+g.of(tText, d)+")", "("+g.of(tDecimal, d)+" in (0.5, 2.5, "+g.of(tInt, d)+"))",
			"(case when "+g.of(tBool, d)+" then null else "+g.of(tBool, d)+" end)",
		)
	case tDate:
		return g.pick(
			"("+g.of(tDate, d)+" + "+g.pick("1", "30", "-366")+")",
			"date_trunc('"+g.pick("month", "year", "week", "quarter")+"', "+g.of(tDate, d)+")::date",
			"last_day("+g.of(tDate, d)+")",
			"make_date(2024, "+g.pick("1", "2", "12")+", "+g.pick("1", "29", "31")+")",
			"strptime("+g.pick("'2024-01-02'", "'1999-12-31'")+", '%Y-%m-%d')::date",
			"cast("+g.of(tTimestamp, d)+" as date)",
			"(("+g.of(tDate, d)+" + interval '"+g.pick("1 month", "1 year", "-1 day")+"')::date)",
			"date_add("+g.of(tDate, d)+", interval "+g.pick("1 month", "3 day", "(i) day")+")::date",
			"date_trunc('week', "+g.of(tDate, d)+")::date", "greatest("+g.of(tDate, d)+", "+g.of(tDate, d)+")",
			"{'d': "+g.of(tDate, d)+", 'i': i}.d", "[dt, "+g.of(tDate, d)+"]["+g.pick("1", "2", "-1")+"]",
			"add("+g.of(tDate, d)+", "+g.pick("1", "i", "-2")+")",
			"try_cast(cast("+g.of(tDate, d)+" as varchar) as date)", "ifnull("+g.of(tDate, d)+", date '2000-01-01')",
			"make_date("+g.pick("2000 + i", "2024", "1999")+", "+g.pick("1 + abs(i) % 12", "2", "12")+", "+g.pick("1", "abs(j) % 28 + 1", "28")+")",
			"date_trunc('"+g.pick("month", "year", "quarter", "week", "decade", "day")+"', "+g.of(tTimestamp, d)+")::date",
			"("+g.of(tDate, d)+" + interval ("+g.pick("i", "j")+") "+g.pick("day", "month", "year")+")::date",
			"("+g.of(tDate, d)+" - "+g.pick("i", "id")+")", "last_day("+g.of(tTimestamp, d)+")",
			"strptime(cast("+g.of(tDate, d)+" as varchar), '%Y-%m-%d')::date",
		)
	case tTimestamp:
		return g.pick(
			"("+g.of(tTimestamp, d)+" + interval '"+g.pick("1 hour", "90 minutes", "1 month", "-1 day")+"')",
			"date_trunc('"+g.pick("hour", "day", "month", "minute")+"', "+g.of(tTimestamp, d)+")",
			"cast("+g.of(tDate, d)+" as timestamp)",
			"time_bucket(interval '"+g.pick("15 minutes", "1 day", "1 week")+"', "+g.of(tTimestamp, d)+")",
			"("+g.of(tTimestamp, d)+" - interval '"+g.pick("1 month", "36 hours")+"')",
			"epoch_ms("+g.pick("0", "1700000000123", "-86400000")+")",
			"make_timestamp(2024, 2, "+g.pick("1", "29")+", 13, 4, "+g.pick("5", "5.25")+")",
			"to_timestamp("+g.pick("0", "1700000000", "1700000000.5")+")::timestamp",
			"strptime('"+g.pick("2024-01-02 03:04:05", "02/01/2024 10:11")+"', '"+g.pick("%Y-%m-%d %H:%M:%S", "%d/%m/%Y %H:%M")+"')",
			"("+g.of(tDate, d)+" + interval '"+g.pick("2 hours", "1 day")+"')",
			"{'t': "+g.of(tTimestamp, d)+", 'i': i}.t", "["+g.of(tTimestamp, d)+", ts]["+g.pick("1", "2")+"]",
			"(case when "+g.of(tBool, d)+" then {'t': "+g.of(tTimestamp, d)+"} else {'t': ts} end).t",
			"("+g.of(tTimestamp, d)+" + interval ("+g.pick("i", "j")+") "+g.pick("hour", "minute", "second", "month")+")",
			"("+g.of(tTimestamp, d)+" + "+g.pick("i", "j")+" * interval '"+g.pick("1 day", "90 minutes", "1 month")+"')",
			"date_trunc('"+g.pick("second", "week", "quarter", "year", "decade", "millisecond")+"', "+g.of(tTimestamp, d)+")",
			"make_timestamp("+g.pick("2000 + i", "2024")+", "+g.pick("1 + abs(j) % 12", "2")+", 1, abs(i) % 24, "+g.pick("0", "59")+", "+g.pick("0", "1.5")+")",
			"strptime(strftime("+g.of(tTimestamp, d)+", '%d/%m/%Y %H:%M:%S'), '%d/%m/%Y %H:%M:%S')",
			"("+g.of(tDate, d)+" + "+g.pick("interval 1 hour", "'10:30:00'::time", "to_minutes(i)")+")",
		)
	}
	return g.leaf(t)
}

func (g exprGen) pickTime() exprType { return []exprType{tDate, tTimestamp}[g.r.IntN(2)] }

func (g exprGen) pickCmp() exprType {
	return []exprType{tInt, tDouble, tDecimal, tText, tDate, tTimestamp}[g.r.IntN(6)]
}

func (g exprGen) pickAny() exprType { return exprType(g.r.IntN(int(tTimestamp) + 1)) }

func (g exprGen) leaf(t exprType) string {
	switch t {
	case tInt:
		return g.pick("i", "j", "id", "2", "-1", "0", "null::integer")
	case tDouble:
		return g.pick("x", "0.5::double", "x", "-3.0::double")
	case tDecimal:
		return g.pick("d", "d", "1.5", "0.10")
	case tText:
		return g.pick("s", "u", "'abc'", "'A,b'", "''", "s")
	case tBool:
		return g.pick("b", "true", "false", "(i > 0)")
	case tDate:
		return g.pick("dt", "dt", "date '2024-03-01'")
	case tTimestamp:
		return g.pick("ts", "ts", "timestamp '2024-03-10 02:30:00'")
	}
	return "null"
}

// query writes a model's select over t: one expression per row, or an
// aggregate, a grouping or an ordering of one.
func (g exprGen) query(depth int) string {
	t := g.pickAny()
	e := g.of(t, depth)
	switch g.r.IntN(20) {
	case 17:
		// ranking and offset windows over an expression
		return "select id, " + g.pick("rank()", "dense_rank()", "ntile(3)", "percent_rank()", "cume_dist()") + " over (order by " + e + ") as v, " +
			"nth_value(" + e + ", 2) over (order by id) as n from {{ ref('t') }}"
	case 18:
		n := g.of([]exprType{tInt, tDouble, tDecimal}[g.r.IntN(3)], depth)
		return "select count_if(" + g.of(tBool, depth) + ") as c, " + g.pick("quantile_cont", "quantile_disc") + "(" + n + ", " + g.pick("0.5", "0.25", "0.9") + ") as q, " +
			g.pick("arg_min", "arg_max", "min_by", "max_by") + "(id, " + e + ") as a, array_agg(" + e + " order by id) as l from {{ ref('t') }}"
	case 19:
		return "select b, " + e + " as k, count(*) as n, max(id) as m from {{ ref('t') }} group by all order by all"
	case 16:
		// a CTE's struct, list and tuple columns keep what is known of
		// their leaves, and so do a built table's (model n)
		if g.r.IntN(3) == 0 {
			return "select id, " + g.pick("st::varchar", "l::varchar", "r::varchar", "st.t::varchar", "st.d::varchar", "concat('x', st)", "l[1]::varchar", "(st.d + 1)::varchar", "st.t + interval 1 hour", "r.y::varchar") +
				" as v from {{ ref('n') }}"
		}
		return "with c as (select id, {'t': " + g.of(tTimestamp, depth-1) + ", 'd': " + g.of(tDecimal, depth-1) + "} as st, [" + g.of(tDate, depth-1) + ", dt] as l, (" +
			g.of(g.pickAny(), depth-1) + ", " + g.of(tTimestamp, depth-1) + ") as r from {{ ref('t') }}) select id, " +
			g.pick("st::varchar", "l::varchar", "r::varchar", "st.t::varchar", "st.d::varchar", "concat('x', st)", "l[1]::varchar", "(st.d + 1)::varchar", "st.t + interval 1 hour") + " as v from c"
	case 10:
		// the right side's columns have other names: the expression's
		// names are the left side's, NULL where a FULL JOIN has no row
		return "select id, id2, " + e + " as v from {{ ref('t') }} " + g.pick("join", "left join", "full join") +
			" (select id as id2, i as i2, j as j2 from {{ ref('t') }}) on i = " + g.pick("j2", "i2", "id2")
	case 11:
		return "select id, " + e + " as v from {{ ref('t') }} order by v" + g.pick("", " desc", " nulls first", " desc nulls last") + ", id limit 3"
	case 12:
		return "select distinct " + e + " as v from {{ ref('t') }}"
	case 13:
		o := g.of(t, depth)
		return "select " + e + " as v from {{ ref('t') }} " + g.pick("union", "union all", "except", "intersect") + " select " + o + " from {{ ref('t') }}"
	case 14:
		return "select id, " + e + " as v from {{ ref('t') }} qualify row_number() over (partition by " + g.of(g.pickAny(), 1) + " order by id desc) = 1"
	case 15:
		return "select id, unnest(string_split(" + g.of(tText, depth) + ", ',')) as v from {{ ref('t') }}"
	case 0:
		agg := g.pick("min", "max", "count", "count(distinct")
		if agg == "count(distinct" {
			return "select count(distinct " + e + ") as v from {{ ref('t') }}"
		}
		return "select " + agg + "(" + e + ") as v from {{ ref('t') }}"
	case 1:
		n := g.of([]exprType{tInt, tDouble, tDecimal}[g.r.IntN(3)], depth)
		return "select " + g.pick("sum", "avg", "min", "max", "median", "stddev_samp", "var_pop", "product", "fsum", "favg") + "(" + n + ") as v, " +
			"count(distinct " + n + ") as c, first(" + n + " order by id desc) as f from {{ ref('t') }}"
	case 2:
		return "select " + e + " as k, count(*) as n from {{ ref('t') }} group by 1"
	case 3:
		return "select id, row_number() over (order by " + e + ", id) as v from {{ ref('t') }}"
	case 4:
		return "select string_agg(cast(" + e + " as varchar), '|' order by id) as v from {{ ref('t') }}"
	case 5:
		return "select id, " + g.pick("lag", "lead", "first_value", "last_value") + "(" + e + ") over (order by id) as v from {{ ref('t') }}"
	case 6:
		n := g.of([]exprType{tInt, tDouble, tDecimal}[g.r.IntN(3)], depth)
		return "select id, " + g.pick("sum", "avg", "max", "count") + "(" + n + ") over (partition by b order by id" +
			g.pick("", " rows between 1 preceding and current row", " rows between unbounded preceding and unbounded following") + ") as v from {{ ref('t') }}"
	case 7:
		return "select " + g.pick("bool_and", "bool_or") + "(" + g.of(tBool, depth) + ") as v, count(*) filter (where " + g.of(tBool, depth) + ") as n, " +
			"arg_max(id, " + e + ") as a, list(" + e + " order by id) as l from {{ ref('t') }}"
	}
	return "select id, " + e + " as v from {{ ref('t') }}"
}

// writeRandomProject writes a project of n random models into dir, their
// expressions nested depth deep.
func writeRandomProject(dir string, seed uint64, n, depth int) error {
	files := map[string]string{
		"dbt_project.yml": "name: random_exprs\nversion: '1.0'\nprofile: random_exprs\n",
		"profiles.yml":    "random_exprs:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: ':memory:'\n",
		"models/t.sql":    "{{ config(materialized='table') }}\n" + randomRows,
		"models/n.sql":    "{{ config(materialized='table') }}\nselect id, {'t': ts, 'd': d} as st, [dt, dt + 1] as l, {'x': d, 'y': ts} as r from {{ ref('t') }}\n",
	}
	g := exprGen{rand.New(rand.NewPCG(seed, 1))}
	for k := range n {
		files[fmt.Sprintf("models/e_%04d.sql", k)] = "{{ config(materialized='table') }}\n" + g.query(depth) + "\n"
	}
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(strings.TrimLeft(text, "\n")), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// TestRandomModelsAgreeWithDuckDB builds a project of random models with
// the pipeline and on DuckDB and compares every table; a model our build
// fails (a cast that does not convert, a division by zero) must fail on
// DuckDB too. NEXUS_RANDOM_MODELS sets how many models (300 unless set),
// NEXUS_RANDOM_DEPTH how deep their expressions nest (3 unless set),
// NEXUS_RANDOM_SEED which (1 unless set), NEXUS_RANDOM_OUT keeps the
// project in that folder.
func TestRandomModelsAgreeWithDuckDB(t *testing.T) {
	n, seed := envInt(t, "NEXUS_RANDOM_MODELS", 300), envInt(t, "NEXUS_RANDOM_SEED", 1)
	dir := os.Getenv("NEXUS_RANDOM_OUT")
	if dir == "" {
		dir = t.TempDir()
	}
	if err := writeRandomProject(dir, uint64(seed), n, envInt(t, "NEXUS_RANDOM_DEPTH", 3)); err != nil {
		t.Fatal(err)
	}
	duck, failed := compareProjectDir(t, dir, "", nil)
	for _, st := range failed {
		if st.Kind != "model" {
			continue
		}
		if _, err := duck.Exec(createStatement(st.Rendered)); err == nil {
			t.Errorf("%s: our build fails it, DuckDB builds it:\n%s", st.Name, st.SQL)
		}
	}
}

func envInt(t *testing.T, name string, def int) int {
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		t.Fatalf("%s=%q: not a number", name, v)
	}
	return n
}
