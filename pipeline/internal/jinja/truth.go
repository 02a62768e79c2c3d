package jinja

import (
	controlStructures "github.com/nikolalohinski/gonja/v2/builtins/control_structures"
	"github.com/nikolalohinski/gonja/v2/exec"
	"github.com/nikolalohinski/gonja/v2/nodes"
	"github.com/nikolalohinski/gonja/v2/tokens"
)

// gonja holds a dict as a struct, and takes every struct as true, while
// Python takes an empty dict as false: `{% if column_map %}` over an empty
// dict must take the else branch. And gonja takes a function (a macro) as
// false, where Python takes it as true: `dbt.type_timestamp or
// dbt_utils.type_timestamp` is the first macro. rewriteTruth wraps each
// expression whose truth gonja tests (if and elif conditions, a for loop's
// if, the operand of not) in __truth__, which gives Python's truth of it.
// `a or b` becomes `true and __first__(__keep_if__(a, true) or [b])`, and
// `a and b` the same with false: the operand's value is kept whole, as a
// list's item, and b runs only when Python would run it.
const (
	truthFuncName = "__truth__"
	keepIfName    = "__keep_if__"
	firstName     = "__first__"
)

func rewriteTruth(n any) {
	switch n := n.(type) {
	case *controlStructures.IfControlStructure:
		for i, c := range n.Conditions {
			n.Conditions[i] = truthCall(c)
		}
	case *controlStructures.ForControlStructure:
		if n.IfCondition != nil {
			n.IfCondition = truthCall(n.IfCondition)
		}
	case *nodes.Negation:
		n.Term = truthCall(n.Term)
	case *nodes.BinaryExpression:
		if n.Operator != nil && n.Operator.Token != nil && (n.Operator.Token.Type == tokens.And || n.Operator.Token.Type == tokens.Or) {
			rewriteAndOr(n)
		}
	}
}

// rewriteAndOr gives `a or b` and `a and b` Python's truth of a (see
// above). The right operand is the result as it is; a test of its truth
// wraps the whole expression.
func rewriteAndOr(n *nodes.BinaryExpression) {
	if b, ok := n.Left.(*nodes.Bool); ok && b.Val {
		if isCallTo(n.Right, firstName) {
			return // rewritten already
		}
	}
	op := n.Operator.Token
	tok := func(t tokens.Type, v string) *tokens.Token {
		return &tokens.Token{Type: t, Val: v, Pos: op.Pos, Line: op.Line, Col: op.Col}
	}
	call := func(name string, args ...nodes.Expression) *nodes.Call {
		return &nodes.Call{Location: tok(tokens.Name, name), Func: &nodes.Name{Name: tok(tokens.Name, name)}, Args: args, Kwargs: map[string]nodes.Expression{}}
	}
	keep := call(keepIfName, n.Left, &nodes.Bool{Location: op, Val: op.Type == tokens.Or})
	kept := &nodes.BinaryExpression{Left: keep, Right: &nodes.List{Location: op, Val: []nodes.Expression{n.Right}},
		Operator: &nodes.BinOperator{Token: tok(tokens.Or, "or")}}
	n.Left = &nodes.Bool{Location: op, Val: true}
	n.Operator = &nodes.BinOperator{Token: tok(tokens.And, "and")}
	n.Right = call(firstName, kept)
}

func isCallTo(x nodes.Expression, name string) bool {
	c, ok := x.(*nodes.Call)
	if !ok {
		return false
	}
	f, ok := c.Func.(*nodes.Name)
	return ok && f.Name.Val == name
}

func truthCall(x nodes.Expression) nodes.Expression {
	if x == nil {
		return nil
	}
	if isCallTo(x, truthFuncName) {
		return x
	}
	at := x.Position()
	tok := &tokens.Token{Type: tokens.Name, Val: truthFuncName}
	if at != nil {
		tok.Pos, tok.Line, tok.Col = at.Pos, at.Line, at.Col
	}
	return &nodes.Call{Location: tok, Func: &nodes.Name{Name: tok}, Args: []nodes.Expression{x}, Kwargs: map[string]nodes.Expression{}}
}

// truth is __truth__.
func truth(a *exec.VarArgs) *exec.Value {
	if len(a.Args) != 1 {
		return exec.AsValue(false)
	}
	return exec.AsValue(pythonTruth(a.Args[0]))
}

// pythonTruth is Python's truth of a value: an empty dict is false, a
// function is true.
func pythonTruth(v *exec.Value) bool {
	switch {
	case v.IsDict():
		return v.Len() > 0
	case v.IsCallable():
		return true
	}
	return v.IsTrue()
}

// keepIf is __keep_if__(v, want): [v] when v's truth is want, else [].
func keepIf(a *exec.VarArgs) *exec.Value {
	if len(a.Args) != 2 {
		return exec.AsValue([]any{})
	}
	if pythonTruth(a.Args[0]) == a.Args[1].Bool() {
		return exec.AsValue([]any{a.Args[0].Interface()})
	}
	return exec.AsValue([]any{})
}

// first is __first__(list): its item.
func first(a *exec.VarArgs) *exec.Value {
	if len(a.Args) != 1 {
		return exec.AsValue(nil)
	}
	return a.Args[0].Index(0)
}
