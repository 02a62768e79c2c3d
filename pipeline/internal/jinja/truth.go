package jinja

import (
	controlStructures "github.com/nikolalohinski/gonja/v2/builtins/control_structures"
	"github.com/nikolalohinski/gonja/v2/exec"
	"github.com/nikolalohinski/gonja/v2/nodes"
	"github.com/nikolalohinski/gonja/v2/tokens"
)

// gonja holds a dict as a struct, and takes every struct as true, while
// Python takes an empty dict as false: `{% if column_map %}` over an empty
// dict must take the else branch. rewriteTruth wraps each expression whose
// truth gonja tests (if and elif conditions, a for loop's if, the operand
// of not, the left operand of and, or) in __truth__, which turns an empty dict into false and
// returns anything else unchanged, so `d or {}` still gives d.
const truthFuncName = "__truth__"

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
			// the right operand is the result as it is; a test of its
			// truth wraps the whole expression
			n.Left = truthCall(n.Left)
		}
	}
}

func truthCall(x nodes.Expression) nodes.Expression {
	if x == nil {
		return nil
	}
	if c, ok := x.(*nodes.Call); ok {
		if f, ok := c.Func.(*nodes.Name); ok && f.Name.Val == truthFuncName {
			return x
		}
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
	v := a.Args[0]
	if v.IsDict() && v.Len() == 0 {
		return exec.AsValue(false)
	}
	return v
}
