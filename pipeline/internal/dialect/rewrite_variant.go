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
		s := strings.TrimSpace(pr.text(arg))
		kind := "variant_kind(" + s + ")"
		if args, ok := extractArgs(s); ok {
			kind = "json_type_kind(json_type(" + args + "))"
		}
		if !test {
			return kind + pr.carry(n, arg)
		}
		return "(" + kind + " IN ('" + strings.Join(kinds, "', '") + "'))" + pr.carry(n, arg)
	}
	return true
}

// variantCasts are Snowflake's casts to semi-structured types, and the
// function each is.
var variantCasts = map[string]string{"variant": "variant_of", "array": "to_array_of", "object": "to_object_of"}
