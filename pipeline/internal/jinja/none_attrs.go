package jinja

import (
	"github.com/nikolalohinski/gonja/v2/exec"
	"github.com/nikolalohinski/gonja/v2/nodes"
	"github.com/nikolalohinski/gonja/v2/tokens"
)

// In Jinja2 an attribute of None is an undefined value (None.name prints
// nothing and is false), while gonja fails "Can't use getattr on None";
// elementary's macros read attributes of a node that may be None. After
// parsing, `x.attr` on a variable x becomes `__noneattr__(x).attr`, which
// turns None into a value whose every attribute and item is undefined.
// dbt's own objects are never None and keep the plain lookup.
const noneAttrFuncName = "__noneattr__"

// neverNone are the names of dbt's context whose attributes are read most.
var neverNone = map[string]bool{
	"config": true, "this": true, "adapter": true, "api": true, "modules": true, "target": true, "model": true,
	"graph": true, "dbt": true, "exceptions": true, "builtins": true, "flags": true, "loop": true, "caller": true,
	"dbt_utils": true, "invocation_args_dict": true, "context": true, "var": true,
}

// A chain (`x.a.b`, `x['a'].b`) is wrapped at each step, since x.a may be
// None too, unless it starts at one of dbt's objects.
func rewriteNoneAttr(g *nodes.GetAttribute) { g.Node = noneable(g.Node) }

// noneable is e wrapped in __noneattr__, or e itself when its chain starts
// at one of dbt's objects or at neither a variable nor a call. A chain
// starting at a call is wrapped too: load_result('x').table is undefined
// where the call gives None, as in Jinja2 (and, while parsing, where no
// statement ran: dbt's parser renders a statement block as nothing).
func noneable(e nodes.Expression) nodes.Expression {
	root := chainRoot(e)
	if root == nil {
		if c := chainCall(e); c != nil {
			return wrapNoneAttr(e, c.Location)
		}
		return e
	}
	if root.Name == nil || neverNone[root.Name.Val] {
		return e
	}
	return wrapNoneAttr(e, root.Name)
}

// chainCall is the call an attribute or item chain starts at (f(x).a.b),
// through the rewrites' own calls, or nil when it starts at anything else.
func chainCall(e nodes.Expression) *nodes.Call {
	for {
		switch n := unwrapNoneAttr(unwrapCall(e, seqFuncName)).(type) {
		case *nodes.GetAttribute:
			e = n.Node
		case *nodes.GetItem:
			e = n.Node
		case *nodes.Call:
			if n.Location == nil {
				return nil
			}
			return n
		default:
			return nil
		}
	}
}

func wrapNoneAttr(e nodes.Expression, at *tokens.Token) nodes.Expression {
	return &nodes.Call{
		Location: at,
		Func:     &nodes.Name{Name: &tokens.Token{Type: tokens.Name, Val: noneAttrFuncName, Pos: at.Pos, Line: at.Line, Col: at.Col}},
		Args:     []nodes.Expression{e},
		Kwargs:   map[string]nodes.Expression{},
	}
}

// chainRoot is the variable an attribute or item chain starts at, or nil
// when it starts at anything else (a call, a literal).
func chainRoot(e nodes.Expression) *nodes.Name {
	for {
		switch n := unwrapNoneAttr(unwrapCall(e, seqFuncName)).(type) {
		case *nodes.Name:
			return n
		case *nodes.GetAttribute:
			e = n.Node
		case *nodes.GetItem:
			e = n.Node
		default:
			return nil
		}
	}
}

// unwrapNoneAttr is the expression rewriteNoneAttr wrapped, or e itself.
func unwrapNoneAttr(e nodes.Expression) nodes.Expression { return unwrapCall(e, noneAttrFuncName) }

// unwrapCall is the argument of e when e is a one-argument call of the
// named rewrite function, or e itself.
func unwrapCall(e nodes.Expression, name string) nodes.Expression {
	if c, ok := e.(*nodes.Call); ok {
		if f, ok := c.Func.(*nodes.Name); ok && f.Name.Val == name && len(c.Args) == 1 {
			return c.Args[0]
		}
	}
	return e
}

// noneAttr is __noneattr__. While a node is parsed an undefined
// variable's attributes are undefined too, as dbt's parser makes every
// undefined value (a result that only an {% if execute %} block sets:
// {% for row in result.rows %} loops over nothing); when the node runs,
// they fail as before.
func (e *Env) noneAttr(a *exec.VarArgs) *exec.Value {
	if len(a.Args) == 1 && (isNone(a.Args[0]) || e.cur != nil && e.cur.Parsing && isUndefined(a.Args[0]) && !a.Args[0].IsError()) {
		return exec.AsValue(noneAttrs{})
	}
	if len(a.Args) == 1 {
		return a.Args[0]
	}
	return exec.AsValue(nil)
}

// noneAttrs is None whose attributes are read: each is undefined.
type noneAttrs struct{}

func (noneAttrs) GetAttribute(string) (*exec.Value, bool) { return exec.AsValue(nil), true }
func (noneAttrs) GetItem(any) (*exec.Value, bool)         { return exec.AsValue(nil), true }
