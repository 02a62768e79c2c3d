package dialect

import "strings"

// A DuckDB lambda's parameters have types: the element's is the list's
// element type, the index's an INTEGER, and list_reduce's accumulator
// starts as its initial value (or the first element) and keeps the type
// of the lambda's body, to which DuckDB casts every step. So
// list_reduce([i, 1, 0], (a, b) -> a - b) is an INTEGER, and a CASE of it
// and a DECIMAL(6, 1) is a DECIMAL that prints 2.0, as there.

// lambdaAround finds, inside x, the innermost lambda around n with a
// parameter named name, and the call or list comprehension it belongs to.
func lambdaAround(x, n *node, name string) (lam, owner *node) {
	for _, k := range x.kids {
		if n.start < k.start || n.start >= k.end {
			continue
		}
		if k.kind == nLambda && containsFold(k.names, name) {
			if l, o := lambdaAround(k, n, name); l != nil {
				return l, o
			}
			return k, x
		}
		return lambdaAround(k, n, name)
	}
	return nil, nil
}

// lambdaParamNumber is the number type of n when n names a parameter of a
// DuckDB lambda around it; ok is false when it names none.
func (t *translator) lambdaParamNumber(n *node) (num string, ok bool) {
	if t.d != DuckDB || t.script == nil || !t.lambdas || len(n.parts) != 1 {
		return "", false
	}
	name := identName(t.toks[n.parts[0]])
	lam, owner := lambdaAround(t.script, n, name)
	if lam == nil {
		return "", false
	}
	at := 0
	for i, p := range lam.names {
		if strings.EqualFold(p, name) {
			at = i
		}
	}
	if owner == nil || len(owner.list) == 0 {
		return "", true
	}
	elem, _ := listNumber(t.staticType(owner.list[0]))
	kind := "transform" // a list comprehension's element and index
	if owner.kind == nCall {
		kind = lambdaFuncs[DuckDB][owner.name]
	}
	switch {
	case kind == "reduce" && at == 0:
		if len(owner.list) == 3 {
			return t.numberType(owner.list[2]), true
		}
		return elem, true
	case kind == "reduce" && at == 2, kind != "reduce" && at == 1:
		return "INTEGER", true
	case kind != "":
		return elem, true
	}
	return "", true
}
