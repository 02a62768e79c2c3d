package dialect

import "strings"

// Snowflake's VARIANT tests: TYPEOF(x) and IS_INTEGER(x) ... IS_OBJECT(x)
// read the kind of value x holds (variant_kind); on a path such as v:a.b
// they read it from json_type, which tells a JSON null (NULL_VALUE) from no
// value (NULL), as Snowflake does.

// variantTests are the IS_ functions and the kinds each accepts.
var variantTests = map[string][]string{
	"is_integer": {"INTEGER"},
	"is_decimal": {"INTEGER", "DECIMAL"},
	"is_double":  {"INTEGER", "DECIMAL", "DOUBLE"},
	"is_real":    {"INTEGER", "DECIMAL", "DOUBLE"},
	"is_varchar": {"VARCHAR"},
	"is_char":    {"VARCHAR"},
	"is_boolean": {"BOOLEAN"},
	"is_array":   {"ARRAY"},
	"is_object":  {"OBJECT"},
}

// rewriteVariantTest rewrites n when it is TYPEOF or one of variantTests;
// it reports whether it did.
func (t *translator) rewriteVariantTest(n *node) bool {
	kinds, test := variantTests[n.name]
	if t.d != Snowflake || len(n.list) != 1 || n.x != nil || n.flag || !test && n.name != "typeof" {
		return false
	}
	arg := n.list[0]
	n.print = func(pr *printer, n *node) string {
		kind := kindOf(strings.TrimSpace(pr.text(arg)))
		if !test {
			return kind + pr.carry(n, arg)
		}
		return "(" + kind + " IN ('" + strings.Join(kinds, "', '") + "'))" + pr.carry(n, arg)
	}
	return true
}

// kindOf is the SQL of the kind of value the SQL s holds.
func kindOf(s string) string {
	if args, ok := extractArgs(s); ok {
		return "json_type_kind(json_type(" + args + "))"
	}
	return "variant_kind(" + s + ")"
}

// variantAccessors are Snowflake's AS_ functions: the kinds of value each
// takes (NULL for others, as there) and the conversion of its value, {v}.
var variantAccessors = map[string]struct {
	kinds []string
	value string
}{
	"as_varchar": {[]string{"VARCHAR"}, "{v}"},
	"as_char":    {[]string{"VARCHAR"}, "{v}"},
	"as_integer": {[]string{"INTEGER", "DECIMAL"}, "cast_to({v}, 'INTEGER', 'snowflake', {line})"},
	"as_number":  {[]string{"INTEGER", "DECIMAL"}, "cast_to({v}, 'INTEGER', 'snowflake', {line})"},
	"as_decimal": {[]string{"INTEGER", "DECIMAL"}, "cast_to({v}, 'INTEGER', 'snowflake', {line})"},
	"as_numeric": {[]string{"INTEGER", "DECIMAL"}, "cast_to({v}, 'INTEGER', 'snowflake', {line})"},
	"as_double":  {[]string{"INTEGER", "DECIMAL", "DOUBLE"}, "cast_to({v}, 'REAL', 'snowflake', {line})"},
	"as_real":    {[]string{"INTEGER", "DECIMAL", "DOUBLE"}, "cast_to({v}, 'REAL', 'snowflake', {line})"},
	"as_float":   {[]string{"INTEGER", "DECIMAL", "DOUBLE"}, "cast_to({v}, 'REAL', 'snowflake', {line})"},
	"as_boolean": {[]string{"BOOLEAN"}, "cast_bool({v})"},
	"as_array":   {[]string{"ARRAY"}, "{v}"},
	"as_object":  {[]string{"OBJECT"}, "{v}"},
}

// variantTimes are the AS_ functions of kinds a VARIANT here never holds.
var variantTimes = map[string]bool{"as_date": true, "as_time": true, "as_timestamp_ntz": true,
	"as_timestamp_ltz": true, "as_timestamp_tz": true, "as_binary": true}

// rewriteVariantAccess rewrites Snowflake's AS_VARCHAR(v) ... AS_OBJECT(v)
// as CASE WHEN the kind v holds is the function's THEN its value END; it
// reports whether n was one (refused or rewritten).
func (t *translator) rewriteVariantAccess(n *node) bool {
	if t.d != Snowflake || n.x != nil || len(n.parts) > 1 || len(n.list) == 0 {
		return false
	}
	if variantTimes[n.name] {
		t.refuse(n.tok, refVariantTime, strings.ToUpper(n.name))
		return true
	}
	acc, ok := variantAccessors[n.name]
	numeric := n.name == "as_number" || n.name == "as_decimal" || n.name == "as_numeric"
	if !ok || len(n.list) > 1 && !numeric || len(n.list) > 3 {
		return false
	}
	value := strings.ReplaceAll(acc.value, "{line}", itoa(t.toks[n.tok].line))
	if len(n.list) == 3 {
		// AS_NUMBER(v, p, s): rounded to s digits
		sc := n.list[2]
		if sc.kind != nLit || !isIntegerLiteral(t, sc) {
			return false
		}
		if s := strings.TrimLeft(t.toks[sc.start].text, "0"); s != "" {
			value = "round_scale(cast_to({v}, 'REAL', 'snowflake', " + itoa(t.toks[n.tok].line) + "), " + s + ")"
		}
	}
	arg := n.list[0]
	n.print = func(pr *printer, n *node) string {
		s := strings.TrimSpace(pr.text(arg))
		v := s
		if isGet(arg) {
			v = "json_extract(" + s + ", '$')"
		}
		return "CASE WHEN " + kindOf(s) + " IN ('" + strings.Join(acc.kinds, "', '") + "') THEN " +
			strings.Replace(value, "{v}", v, 1) + " END" + pr.carry(n, n.list...)
	}
	return true
}

// variantCasts are Snowflake's casts to semi-structured types, and the
// function each is.
var variantCasts = map[string]string{"variant": "variant_of", "array": "to_array_of", "object": "to_object_of", "map": "to_object_of"}

// isGet tells whether n is Snowflake's GET or GET_PATH, whose VARIANT is
// JSON text ('"abc"', 'true').
func isGet(n *node) bool {
	return n.kind == nCall && len(n.parts) <= 1 && (n.name == "get" || n.name == "get_path")
}

// compareVariants reads a GET or GET_PATH compared with another value
// (get(v, 's') = 'abc', get(v, 'n') IN (1, 2)) as its value, as Snowflake
// compares a VARIANT with the value cast to one; two GETs compare as JSON.
func (t *translator) compareVariants(ns ...*node) {
	if t.d != Snowflake {
		return
	}
	other := false
	for _, n := range ns {
		if !isGet(n) {
			other = true
		}
	}
	if !other {
		return
	}
	for _, n := range ns {
		if isGet(n) {
			// the SQL value: a string's text, a number, a boolean's 1 or 0
			n.pre = "json_extract(" + n.pre
			n.post += ", '$')"
		}
	}
}
