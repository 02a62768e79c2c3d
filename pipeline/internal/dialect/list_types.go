package dialect

import "strings"

// DuckDB's lists and structs are JSON text on SQLite; where the translator
// knows a value is one (a literal, a function giving a list, a column of
// them) its static type is TypeList, followed by the number type of its
// numbers where that is known ("LIST DECIMAL 2" for [1.50, 2.25]), or
// TypeStruct. Cast to a string, such a value is written as DuckDB writes
// it ([1.50, 2.25], [a, b], {'k': v}: nested_text in sqlfunc), two lists
// joined with || are one list, and list_sum and list_avg of DECIMALs are
// exact at their scale.

const (
	TypeList   = "LIST"
	TypeStruct = "STRUCT"
	// TypeMap is DuckDB's MAP, the JSON array of its {"key": k, "value":
	// v} entries (sqlfunc/duckdb_maps.go), followed by the number type
	// of its numbers where that is known, as a list's.
	TypeMap = "MAP"
)

// isMap tells whether static type typ is a MAP.
func isMap(typ string) bool {
	return typ == TypeMap || strings.HasPrefix(typ, TypeMap+" ")
}

// mapResults are DuckDB's functions giving a MAP.
var mapResults = map[string]bool{"map": true, "map_from_entries": true, "map_concat": true, "histogram": true, "list_histogram": true}

// mapListResults are DuckDB's functions of a MAP giving a list.
var mapListResults = map[string]bool{"map_keys": true, "map_values": true, "map_entries": true, "map_extract": true, "element_at": true}

// listOf is the static type of a list whose numbers are of number type num.
func listOf(num string) string {
	if num == "" {
		return TypeList
	}
	return TypeList + " " + num
}

// listNumber is the number type of the numbers of a list of static type
// typ; ok is false when typ is no list.
func listNumber(typ string) (num string, ok bool) {
	if typ == TypeList {
		return "", true
	}
	if num, ok := strings.CutPrefix(typ, TypeList+" "); ok {
		return num, true
	}
	return "", false
}

// nested tells whether static type typ is a list or a struct.
func nested(typ string) bool {
	_, ok := listNumber(typ)
	return ok || typ == TypeStruct || typ == TypeJSON || isMap(typ)
}

// leafNumber is the number type of x's numbers: of x itself, or of the
// numbers a list x holds.
func (t *translator) leafNumber(x *node) string {
	if num, ok := listNumber(t.staticType(x)); ok {
		return num
	}
	return t.numberType(x)
}

// listElements is the list type of a list of elems: the number type they
// all share, nested lists' numbers included.
func (t *translator) listElements(elems []*node) string {
	common, seen := "", false
	for _, e := range elems {
		if t.isNull(e) {
			continue
		}
		num := t.leafNumber(e)
		if !seen {
			common, seen = num, true
			continue
		}
		common = mergeNumbers(common, num)
	}
	return listOf(common)
}

// listOfElements is the type of a list of elems, as listElements gives
// it, or a list of MAPs ("LIST MAP" and its values' number type) where
// every element that is not NULL is known to be a MAP, which a cast to
// VARCHAR writes as MAPs ([{a=1}]) and an element of which is a MAP.
func (t *translator) listOfElements(elems []*node) string {
	maps := false
	for _, e := range elems {
		if t.isNull(e) {
			continue
		}
		if !isMap(t.staticType(e)) {
			return t.listElements(elems)
		}
		maps = true
	}
	if !maps {
		return t.listElements(elems)
	}
	num, _ := listNumber(t.listElements(elems))
	return listOf(mapOf(num))
}

// listResults are DuckDB functions giving a list: of strings ("text"),
// of their first argument's elements ("same"), of their arguments ("args")
// or of the values aggregated ("agg").
var listResults = map[string]string{
	"string_split": "text", "str_split": "text", "string_to_array": "text", "split": "text", "string_split_regex": "text",
	"str_split_regex": "text", "regexp_split_to_array": "text", "regexp_extract_all": "text",
	"list_distinct": "same", "array_distinct": "same", "list_intersect": "same", "array_intersect": "same", "list_sort": "same", "array_sort": "same",
	"list_reverse_sort": "same", "array_reverse_sort": "same", "list_slice": "same", "array_slice": "same",
	"list_reverse": "same", "array_reverse": "same", "list_filter": "same", "array_filter": "same",
	"flatten": "same", "list_select": "same", "array_select": "same", "list_where": "same", "array_where": "same",
	"list_grade_up": "text", "array_grade_up": "text", "grade_up": "text",
	"list_concat": "args", "list_cat": "args", "array_concat": "args", "array_cat": "args",
	"list_append": "args", "array_append": "args", "array_push_back": "args", "list_prepend": "args",
	"array_prepend": "args", "list_value": "args", "list_pack": "args",
	"list": "agg", "array_agg": "agg", "approx_top_k": "agg",
	"list_resize": "same", "array_resize": "same", "parse_path": "text", "array_value": "args",
	"array_pop_back": "same", "array_pop_front": "same", "struct_keys": "text",
	"list_zip": "text", "array_zip": "text",
}

// bigQueryArrays are BigQuery functions giving an array.
var bigQueryArrays = map[string]bool{
	"array_agg": true, "array_concat_agg": true, "array_concat": true, "array_reverse": true, "array_slice": true,
	"split": true, "regexp_extract_all": true, "generate_array": true, "generate_date_array": true,
	"generate_timestamp_array": true, "json_extract_array": true, "json_query_array": true,
	"json_value_array": true, "json_extract_string_array": true,
}

// listCallType is the static type of a DuckDB call giving a list, "" for
// other calls.
func (t *translator) listCallType(n *node) string {
	if t.d != DuckDB || len(n.list) == 0 {
		return ""
	}
	if top := topN(n); top != nil {
		return listOf(t.numberType(top[0]))
	}
	if (n.name == "quantile_cont" || n.name == "quantile_disc" || n.name == "quantile") && len(n.list) == 2 && n.list[1].kind == nArray {
		return TypeList
	}
	if mapListResults[n.name] {
		return TypeList
	}
	if mapResults[n.name] && len(n.parts) <= 1 {
		if n.name == "histogram" || n.name == "list_histogram" {
			return TypeMap
		}
		return mapOf(t.mapNumber(n))
	}
	switch listResults[n.name] {
	case "text":
		return TypeList
	case "same":
		if _, ok := listNumber(t.staticType(n.list[0])); ok {
			return t.staticType(n.list[0])
		}
		return TypeList
	case "args":
		return t.listOfElements(n.list)
	case "agg":
		if len(n.list) == 1 {
			return listOf(t.numberType(n.list[0]))
		}
		return TypeList
	}
	return ""
}

// listScale is the scale of the DECIMAL numbers list x holds, "" when they
// are not DECIMALs with digits after the point.
func (t *translator) listScale(x *node) string {
	num, _ := listNumber(t.staticType(x))
	if s, ok := numberScale(num); ok && s > 0 {
		return itoa(s)
	}
	return ""
}

// topN is the value, the key and the count of DuckDB's max(x, n),
// min(x, n), arg_max(v, k, n) and arg_min(v, k, n), which give a list of
// the values of the n rows with the largest (smallest) key; nil for other
// calls.
func topN(n *node) []*node {
	switch {
	case (n.name == "max" || n.name == "min") && len(n.list) == 2:
		return []*node{n.list[0], n.list[0], n.list[1]}
	case len(n.list) == 3 && (n.name == "arg_max" || n.name == "argmax" || n.name == "max_by" || n.name == "arg_min" || n.name == "argmin" || n.name == "min_by"):
		return n.list
	}
	return nil
}

// concatWSLists makes each argument of DuckDB's concat_ws(sep, ...) known
// to be a list give its elements joined by sep, NULLs left out, as DuckDB
// joins a list's elements (concat_ws(',', ['a', 'b'], 'c') is a,b,c); an
// empty list gives NULL, which concat_ws skips. The separator must be a
// string literal (as it is in practice). It returns the other arguments.
func (t *translator) concatWSLists(sep *node, args []*node) []*node {
	if sep.kind != nString || sep.end != sep.start+1 || !strings.HasPrefix(t.toks[sep.start].text, "'") {
		return args
	}
	s := t.toks[sep.start].text
	var rest []*node
	for _, a := range args {
		if _, ok := listNumber(t.staticType(a)); !ok {
			rest = append(rest, a)
			continue
		}
		t.insideEach(a)
		a.pre = "(SELECT group_concat(CASE type WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE value END, " + s +
			") FROM json_each(" + a.pre
		a.post += ") WHERE type <> 'null')"
	}
	return rest
}

// mapOf is the static type of a MAP whose numbers are of number type num.
func mapOf(num string) string {
	if num == "" {
		return TypeMap
	}
	return TypeMap + " " + num
}

// mapNumber is the number type of the values of a MAP built of args (MAP
// {k: v, ...}'s keys and values, map(keys, values), map_concat's maps),
// known where its keys are strings written out, as its numbers are then
// all values: "" otherwise.
func (t *translator) mapNumber(n *node) string {
	var values []*node
	switch {
	case n.kind == nMap:
		for i := 0; i+1 < len(n.list); i += 2 {
			if n.list[i].kind != nString {
				return ""
			}
			values = append(values, n.list[i+1])
		}
	case n.name == "map" && len(n.list) == 2 && n.list[0].kind == nArray:
		for _, k := range n.list[0].list {
			if k.kind != nString {
				return ""
			}
		}
		values = n.list[1:]
	case n.name == "map_concat":
		common := ""
		for i, m := range n.list {
			num, _ := strings.CutPrefix(t.staticType(m), TypeMap+" ")
			if !isMap(t.staticType(m)) {
				num = ""
			}
			if i == 0 {
				common = num
			} else {
				common = mergeNumbers(common, num)
			}
		}
		return common
	default:
		return ""
	}
	if len(values) == 0 {
		return ""
	}
	num, _ := listNumber(t.listElements(values))
	return num
}
