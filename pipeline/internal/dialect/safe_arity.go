package dialect

import (
	"iter"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// BigQuery checks the number of arguments of a call when it reads the
// query, so a call with a wrong number fails there, SAFE.f(...) too: SAFE.
// turns only the errors f meets while running into NULL (under safe_call a
// wrong number of arguments would give NULL). The translator refuses such
// a call at its place, with the numbers f takes (BigQuery's function
// reference). A function missing from the list is not checked.

// bigQueryArityTable holds the numbers of arguments BigQuery's scalar
// functions take, as "name min max" separated by commas or lines (# starts
// a comment line): max -1 for any number from min on, or the numbers
// themselves when there are gaps (DATETIME takes 1, 2 or 6). Text, not a map
// literal, whose initialization code would be some 60 KB of the wasm module:
// bigQueryArities reads it once, at the first call checked.
const bigQueryArityTable = `
# strings
ascii 1 1, byte_length 1 1, char_length 1 1, character_length 1 1, chr 1 1
code_points_to_bytes 1 1, code_points_to_string 1 1, concat 1 -1, contains_substr 2 3
edit_distance 2 3, ends_with 2 2, format 1 -1, from_base32 1 1, from_base64 1 1
from_hex 1 1, initcap 1 2, instr 2 4, left 2 2, length 1 1, lower 1 1
lpad 2 3, ltrim 1 2, normalize 1 2, normalize_and_casefold 1 2, octet_length 1 1
regexp_contains 2 2, regexp_extract 2 4, regexp_extract_all 2 2, regexp_instr 2 5
regexp_replace 3 3, regexp_substr 2 4, repeat 2 2, replace 3 3, reverse 1 1
right 2 2, rpad 2 3, rtrim 1 2, safe_convert_bytes_to_string 1 1, soundex 1 1
split 1 2, starts_with 2 2, strpos 2 2, substr 2 3, substring 2 3
to_base32 1 1, to_base64 1 1, to_code_points 1 1, to_hex 1 1, translate 3 3
trim 1 2, unicode 1 1, upper 1 1
# numbers
abs 1 1, acos 1 1, acosh 1 1, asin 1 1, asinh 1 1, atan 1 1, atan2 2 2
atanh 1 1, cbrt 1 1, ceil 1 1, ceiling 1 1, cos 1 1, cosh 1 1, cot 1 1
coth 1 1, csc 1 1, csch 1 1, div 2 2, exp 1 1, floor 1 1, greatest 1 -1
ieee_divide 2 2, is_inf 1 1, is_nan 1 1, least 1 -1, ln 1 1, log 1 2
log10 1 1, mod 2 2, pow 2 2, power 2 2, range_bucket 2 2, round 1 3
safe_add 2 2, safe_divide 2 2, safe_multiply 2 2, safe_negate 1 1, safe_subtract 2 2
sec 1 1, sech 1 1, sign 1 1, sin 1 1, sinh 1 1, sqrt 1 1, tan 1 1
tanh 1 1, trunc 1 2, bit_count 1 1
# dates and times
date 1 3, date_add 2 2, date_sub 2 2, date_diff 3 3, date_trunc 2 3
date_from_unix_date 1 1, format_date 2 2, parse_date 2 2, last_day 1 2, unix_date 1 1
datetime 1 2 6, datetime_add 2 2, datetime_sub 2 2, datetime_diff 3 3
datetime_trunc 2 2, format_datetime 2 2, parse_datetime 2 2
time 1 3, time_add 2 2, time_sub 2 2, time_diff 3 3, time_trunc 2 2
format_time 2 2, parse_time 2 2
timestamp 1 2, timestamp_add 2 2, timestamp_sub 2 2, timestamp_diff 3 3
timestamp_trunc 2 3, format_timestamp 2 3, parse_timestamp 2 3, timestamp_seconds 1 1
timestamp_millis 1 1, timestamp_micros 1 1, unix_seconds 1 1, unix_millis 1 1
unix_micros 1 1, string 1 2
# hashes, conversions, JSON
farm_fingerprint 1 1, md5 1 1, sha1 1 1, sha256 1 1, sha512 1 1
bool 1 1, int64 1 1, float64 1 2, lax_bool 1 1, lax_int64 1 1
lax_float64 1 1, lax_string 1 1, parse_json 1 2, to_json 1 2, to_json_string 1 2
json_extract 2 2, json_query 2 2, json_extract_scalar 1 2, json_value 1 2
json_extract_array 1 2, json_query_array 1 2, json_extract_string_array 1 2
json_value_array 1 2, json_type 1 1
# arrays, conditionals and the rest
array_length 1 1, array_reverse 1 1, array_concat 1 -1, array_to_string 2 3
generate_array 2 3, generate_date_array 2 3, generate_timestamp_array 3 3
array_first 1 1, array_last 1 1
if 3 3, ifnull 2 2, nullif 2 2, coalesce 1 -1, error 1 1, generate_uuid 0 0
net.host 1 1, net.reg_domain 1 1, net.public_suffix 1 1, net.ip_from_string 1 1
net.safe_ip_from_string 1 1, net.ip_to_string 1 1, net.ipv4_from_int64 1 1
net.ipv4_to_int64 1 1, net.ip_net_mask 2 2, net.ip_trunc 2 2
`

var bigQueryArities = sync.OnceValue(func() map[string][]int { return readArities(bigQueryArityTable) })

// readArities reads a table of bigQueryArityTable's form (duckDBArityTable's
// is the same with one function a line).
func readArities(table string) map[string][]int {
	m := map[string][]int{}
	for f := range arityEntries(table) {
		counts := make([]int, len(f)-1)
		for i, c := range f[1:] {
			counts[i], _ = strconv.Atoi(c)
		}
		m[f[0]] = counts
	}
	return m
}

// arityEntries yields the words of each entry of an arity table (a name
// and its counts), comment lines aside.
func arityEntries(table string) iter.Seq[[]string] {
	return func(yield func([]string) bool) {
		for line := range strings.Lines(table) {
			if strings.HasPrefix(line, "#") {
				continue
			}
			for entry := range strings.SplitSeq(line, ",") {
				if f := strings.Fields(entry); len(f) > 0 && !yield(f) {
					return
				}
			}
		}
	}
}

// arityError says how many arguments BigQuery's fn takes when it does not
// take n, or "".
func arityError(fn string, n int) string {
	a, ok := bigQueryArities()[fn]
	if !ok {
		return ""
	}
	var takes string
	switch {
	case len(a) == 2 && a[1] < 0:
		if n >= a[0] {
			return ""
		}
		takes = strconv.Itoa(a[0]) + " or more arguments"
	case len(a) == 2:
		if n >= a[0] && n <= a[1] {
			return ""
		}
		switch {
		case a[0] == a[1]:
			takes = strconv.Itoa(a[0])
		case a[1] == a[0]+1:
			takes = strconv.Itoa(a[0]) + " or " + strconv.Itoa(a[1])
		default:
			takes = strconv.Itoa(a[0]) + " to " + strconv.Itoa(a[1])
		}
		takes += " argument"
		if a[1] != 1 {
			takes += "s"
		}
	default:
		if slices.Contains(a, n) {
			return ""
		}
		var s []string
		for _, k := range a {
			s = append(s, strconv.Itoa(k))
		}
		takes = strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1] + " arguments"
	}
	return strings.ToUpper(fn) + " takes " + takes + ", not " + strconv.Itoa(n)
}
