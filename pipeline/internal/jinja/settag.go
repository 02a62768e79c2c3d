package jinja

import (
	"bytes"
	"fmt"

	"github.com/nikolalohinski/gonja/v2/exec"
	"github.com/nikolalohinski/gonja/v2/nodes"
	"github.com/nikolalohinski/gonja/v2/parser"
	"github.com/nikolalohinski/gonja/v2/tokens"
)

// setStructure is Jinja2's {% set %}, which gonja's lacks in part:
// several targets (`{% set a, b = f() %}`, `{% set k, v = pair %}`), several
// values (`= 1, 2`), and a block set with filters
// (`{% set x | upper %}...{% endset %}`).
type setStructure struct {
	at      *tokens.Token
	targets []nodes.Expression
	expr    nodes.Expression // the value, a *nodes.Tuple for `= a, b`
	cond    nodes.Expression // `= x if cond [else alt]`
	alt     nodes.Expression
	body    *nodes.Wrapper // block form
	filters []*nodes.FilterCall
}

func (s *setStructure) Position() *tokens.Token { return s.at }
func (s *setStructure) String() string {
	return fmt.Sprintf("SetControlStructure(Line=%d Col=%d)", s.at.Line, s.at.Col)
}

func setParser(p *parser.Parser, args *parser.Parser) (nodes.ControlStructure, error) {
	s := &setStructure{at: p.Current()}
	for {
		t, err := args.ParseVariableOrLiteral()
		if err != nil {
			return nil, err
		}
		switch t.(type) {
		case *nodes.Name, *nodes.GetItem, *nodes.GetAttribute:
		default:
			return nil, args.Error(fmt.Sprintf("cannot assign to %s", t), t.Position())
		}
		s.targets = append(s.targets, t)
		if args.Match(tokens.Comma) == nil || args.Current(tokens.Assign) != nil {
			break
		}
	}
	if args.Match(tokens.Assign) == nil {
		for args.Match(tokens.Pipe) != nil {
			f, err := args.ParseFilter()
			if err != nil {
				return nil, err
			}
			s.filters = append(s.filters, f)
		}
		if !args.End() {
			return nil, args.Error("Expected '=' or end of tag for block-set.", args.Current())
		}
		if len(s.targets) > 1 {
			return nil, args.Error("a block set takes one name", s.at)
		}
		wrapper, endargs, err := p.WrapUntil("endset")
		if err != nil {
			return nil, err
		}
		if !endargs.End() {
			return nil, endargs.Error("endset takes no arguments", nil)
		}
		s.body = wrapper
		return s, nil
	}
	expr, err := args.ParseExpression()
	if err != nil {
		return nil, err
	}
	if args.Current(tokens.Comma) != nil {
		tuple := &nodes.Tuple{Location: expr.Position(), Val: []nodes.Expression{expr}}
		for args.Match(tokens.Comma) != nil && !args.End() {
			e, err := args.ParseExpression()
			if err != nil {
				return nil, err
			}
			tuple.Val = append(tuple.Val, e)
		}
		expr = tuple
	}
	s.expr = expr
	if s.cond, s.alt, err = args.ParseCondition(); err != nil {
		return nil, err
	}
	if !args.End() {
		return nil, args.Error("Malformed 'set' tag args.", args.Current())
	}
	return s, nil
}

func (s *setStructure) Execute(r *exec.Renderer, _ *nodes.ControlStructureBlock) error {
	var value *exec.Value
	switch {
	case s.body != nil:
		var buf bytes.Buffer
		sub := r.Inherit()
		sub.Output = &buf
		if err := sub.ExecuteWrapper(s.body); err != nil {
			return err
		}
		value = exec.AsSafeValue(buf.String())
		for _, f := range s.filters {
			if value = r.Evaluator().ExecuteFilter(f, value); value.IsError() {
				return value
			}
		}
	case s.cond != nil:
		cond := r.Eval(s.cond)
		if cond.IsError() {
			return cond
		}
		switch {
		case cond.IsTrue():
			value = r.Eval(s.expr)
		case s.alt != nil:
			value = r.Eval(s.alt)
		default:
			value = exec.AsValue(nil) // Jinja2's undefined
		}
	default:
		value = r.Eval(s.expr)
	}
	if value.IsError() {
		return value
	}
	if tooLong(value) {
		return errTooLong
	}
	if len(s.targets) == 1 {
		return assign(r, s.targets[0], value)
	}
	var items []*exec.Value
	value.Iterate(func(_, _ int, k, _ *exec.Value) bool {
		items = append(items, k)
		return true
	}, func() {})
	switch {
	case len(items) > len(s.targets):
		return fmt.Errorf("too many values to unpack (expected %d)", len(s.targets))
	case len(items) < len(s.targets):
		return fmt.Errorf("not enough values to unpack (expected %d, got %d)", len(s.targets), len(items))
	}
	for i, t := range s.targets {
		if err := assign(r, t, items[i]); err != nil {
			return err
		}
	}
	return nil
}

// assign sets a name, an attribute (`ns.x`, a namespace()) or an item.
func assign(r *exec.Renderer, target nodes.Expression, value *exec.Value) error {
	switch n := target.(type) {
	case *nodes.Name:
		r.Environment.Context.Set(n.Name.Val, value.Interface())
	case *nodes.GetAttribute:
		obj := r.Eval(n.Node)
		if obj.IsError() {
			return obj
		}
		if err := obj.Set(exec.AsValue(n.Attribute), value.Interface()); err != nil {
			return fmt.Errorf("cannot set %q: %w", n.Attribute, err)
		}
	case *nodes.GetItem:
		obj := r.Eval(n.Node)
		if obj.IsError() {
			return obj
		}
		key := r.Eval(n.Arg)
		if key.IsError() {
			return key
		}
		if err := obj.Set(key, value.Interface()); err != nil {
			return fmt.Errorf("cannot set %s: %w", key.String(), err)
		}
	default:
		return fmt.Errorf("cannot assign to %s", n)
	}
	return nil
}
