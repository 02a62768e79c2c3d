package jinja

import (
	"bytes"
	"fmt"

	"github.com/nikolalohinski/gonja/v2/exec"
	"github.com/nikolalohinski/gonja/v2/nodes"
	"github.com/nikolalohinski/gonja/v2/parser"
	"github.com/nikolalohinski/gonja/v2/tokens"
)

// callStructure is Jinja2's {% call [(params)] macro(args) %}body{% endcall %}:
// inside the macro, caller(...) renders the body with the params bound to
// its arguments. gonja's takes no params, and hands the body only to macros
// defined in the same file.
type callStructure struct {
	env    *Env
	at     *tokens.Token
	params []callerParam
	call   *nodes.Call
	body   *nodes.Wrapper
}

type callerParam struct {
	name string
	def  nodes.Expression // nil: no default
}

func (c *callStructure) Position() *tokens.Token { return c.at }
func (c *callStructure) String() string {
	return fmt.Sprintf("CallControlStructure(Line=%d Col=%d)", c.at.Line, c.at.Col)
}

func (e *Env) callParser(p *parser.Parser, args *parser.Parser) (nodes.ControlStructure, error) {
	c := &callStructure{env: e, at: p.Current()}
	if args.Match(tokens.LeftParenthesis) != nil {
		for args.Match(tokens.RightParenthesis) == nil {
			name := args.Match(tokens.Name)
			if name == nil {
				return nil, args.Error("expected a parameter name in {% call(...) %}", args.Current())
			}
			param := callerParam{name: name.Val}
			if args.Match(tokens.Assign) != nil {
				def, err := args.ParseExpression()
				if err != nil {
					return nil, err
				}
				param.def = def
			}
			c.params = append(c.params, param)
			if args.Match(tokens.Comma) == nil && args.Current(tokens.RightParenthesis) == nil {
				return nil, args.Error("expected ',' or ')' in {% call(...) %}", args.Current())
			}
		}
	}
	expr, err := args.ParseExpression()
	if err != nil {
		return nil, err
	}
	call, ok := expr.(*nodes.Call)
	if !ok {
		return nil, args.Error("Expected a macro call expression after {% call %}", args.Current())
	}
	c.call = call
	if !args.End() {
		return nil, args.Error("Malformed call-tag arguments.", args.Current())
	}
	wrapper, endargs, err := p.WrapUntil("endcall")
	if err != nil {
		return nil, err
	}
	if !endargs.End() {
		return nil, endargs.Error("endcall takes no arguments", nil)
	}
	c.body = wrapper
	return c, nil
}

// Execute evaluates the macro and its arguments first, then calls it with
// the caller set, so only that macro receives it.
func (c *callStructure) Execute(r *exec.Renderer, _ *nodes.ControlStructureBlock) error {
	fn := r.Eval(c.call.Func)
	if fn.IsError() {
		return fn
	}
	var macro func(*exec.VarArgs) *exec.Value
	switch m := fn.Interface().(type) {
	case macroFn:
		macro = m
	case func(*exec.VarArgs) *exec.Value:
		macro = m
	}
	if macro == nil {
		return fmt.Errorf("{%% call %%} needs a macro, and %s is not one", c.call.Func)
	}
	args := exec.NewVarArgs()
	for _, a := range c.call.Args {
		v := r.Eval(a)
		if v.IsError() {
			return v
		}
		args.Args = append(args.Args, v)
	}
	for k, a := range c.call.Kwargs {
		v := r.Eval(a)
		if v.IsError() {
			return v
		}
		args.KwArgs[k] = v
	}
	c.env.pendingCaller = c.caller(r)
	res := macro(args)
	c.env.pendingCaller = nil
	if res.IsError() {
		return res
	}
	_, err := r.Output.Write([]byte(res.String()))
	return err
}

// caller renders the body with the params bound as a macro binds its own.
func (c *callStructure) caller(r *exec.Renderer) callerMacro {
	return func(a *exec.VarArgs) *exec.Value {
		if a == nil {
			return exec.AsValue(c)
		}
		if len(a.Args) > len(c.params) {
			return exec.AsValue(fmt.Errorf("caller() takes not more than %d argument(s)", len(c.params)))
		}
		sub := r.Inherit()
		for i, p := range c.params {
			var v *exec.Value
			switch kw, ok := a.KwArgs[p.name]; {
			case i < len(a.Args):
				v = a.Args[i]
			case ok:
				v = kw
			case p.def != nil:
				if v = r.Eval(p.def); v.IsError() {
					return v
				}
			default:
				v = exec.AsValue(nil)
			}
			sub.Environment.Context.Set(p.name, v.Interface())
		}
		var buf bytes.Buffer
		sub.Output = &buf
		if err := sub.ExecuteWrapper(c.body); err != nil {
			return exec.AsValue(err)
		}
		return exec.AsSafeValue(buf.String())
	}
}

// callerMacro is the caller of a {% call %} block, a Jinja2 Macro in dbt
// too: it has Jinja2's attributes of a macro, name (none, as Jinja2's
// caller has no name), arguments (its parameters' names), catch_kwargs,
// catch_varargs and caller (false: it takes no extra arguments). Called
// with nil arguments it returns its *callStructure.
type callerMacro func(*exec.VarArgs) *exec.Value

func (m callerMacro) GetAttribute(attr string) (*exec.Value, bool) {
	c, ok := m(nil).Interface().(*callStructure)
	if !ok {
		return exec.AsValue(nil), false
	}
	switch attr {
	case "name":
		return noneValue(), true
	case "arguments":
		names := make([]any, len(c.params))
		for i, p := range c.params {
			names[i] = p.name
		}
		return exec.AsValue(tuple(names)), true
	case "catch_kwargs", "catch_varargs", "caller":
		return exec.AsValue(false), true
	}
	return exec.AsValue(nil), false
}
