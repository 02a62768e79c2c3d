package jinja

import (
	"fmt"
	"reflect"

	"github.com/nikolalohinski/gonja/v2/exec"
	"github.com/nikolalohinski/gonja/v2/nodes"
	"github.com/nikolalohinski/gonja/v2/tokens"
)

// Jinja2 gives a macro whose body reads `varargs` or `kwargs` the extra
// positional and keyword arguments of a call, and a call may spread a list
// and a dict into arguments, f(a, *rest, **options): dbt packages pass a
// generic test's arguments on that way (adapter.dispatch(...)(model,
// **kwargs)). gonja knows neither, so the tokens are rewritten:
// implicitMacroArgs declares *varargs and **kwargs (gonja's own syntax for
// them) on such a macro, and a call's *x and **x become the keyword
// arguments spreadArgs and spreadKwargs; after parsing, such a call
// f(...) becomes __spread__(f, ...), which spreads them back and calls f
// (spreadCall).

const (
	spreadArgs     = "__spread_args__"
	spreadKwargs   = "__spread_kwargs__"
	spreadFuncName = "__spread__"
	spreadSelf     = "__spread_self__"
	spreadMethod   = "__spread_method__"
	spreadVariable = "__spread_variable__"
)

// rewriteSpreads applies both rewrites to a template's tokens.
func rewriteSpreads(in []*tokens.Token) []*tokens.Token {
	return spreadCallArgs(implicitMacroArgs(in))
}

// implicitMacroArgs adds *varargs and **kwargs to the parameters of each
// macro whose body reads them.
func implicitMacroArgs(in []*tokens.Token) []*tokens.Token {
	type extra struct{ varargs, kwargs bool }
	adds := map[int]extra{} // index of a signature's closing paren -> parameters to add
	for i := 0; i+3 < len(in); i++ {
		if in[i].Type != tokens.BlockBegin || in[i+1].Type != tokens.Name || in[i+1].Val != "macro" ||
			in[i+2].Type != tokens.Name || in[i+3].Type != tokens.LeftParenthesis {
			continue
		}
		closing := matching(in, i+3)
		if closing < 0 {
			continue
		}
		var ex extra
		declared := false
		for j := i + 4; j < closing; j++ {
			if in[j].Type == tokens.Power || in[j].Type == tokens.Multiply {
				declared = true
			}
		}
		depth := 0
	body:
		for j := closing + 1; j < len(in); j++ {
			t := in[j]
			if t.Type == tokens.BlockBegin && j+1 < len(in) && in[j+1].Type == tokens.Name {
				switch in[j+1].Val {
				case "macro":
					depth++
				case "endmacro":
					if depth == 0 {
						break body
					}
					depth--
				}
			}
			if t.Type == tokens.Name && depth == 0 && in[j-1].Type != tokens.Dot {
				ex.varargs = ex.varargs || t.Val == "varargs"
				ex.kwargs = ex.kwargs || t.Val == "kwargs"
			}
		}
		if !declared && (ex.varargs || ex.kwargs) {
			adds[closing] = ex
		}
	}
	if len(adds) == 0 {
		return in
	}
	out := make([]*tokens.Token, 0, len(in)+8)
	for i, t := range in {
		if ex, ok := adds[i]; ok {
			params := in[i-1].Type != tokens.LeftParenthesis
			add := func(op tokens.Type, val, name string) {
				if params {
					out = append(out, tokenAt(tokens.Comma, ",", t))
				}
				out = append(out, tokenAt(op, val, t), tokenAt(tokens.Name, name, t))
				params = true
			}
			if ex.varargs {
				add(tokens.Multiply, "*", "varargs")
			}
			if ex.kwargs {
				add(tokens.Power, "**", "kwargs")
			}
		}
		out = append(out, t)
	}
	return out
}

// spreadCallArgs writes a call's *x as __spread_args__=x and **x as
// __spread_kwargs__=x: an item of a parenthesised group after a name or a
// closing bracket (a call) that starts with * or **.
func spreadCallArgs(in []*tokens.Token) []*tokens.Token {
	var out []*tokens.Token
	var calls []bool // per open bracket: whether it is a call's
	for i, t := range in {
		switch {
		case isOpen(t.Type):
			signature := i >= 2 && in[i-2].Type == tokens.Name && in[i-2].Val == "macro"
			call := t.Type == tokens.LeftParenthesis && i > 0 && !signature &&
				(in[i-1].Type == tokens.Name || in[i-1].Type == tokens.RightParenthesis || in[i-1].Type == tokens.RightBracket)
			calls = append(calls, call)
		case isClose(t.Type) && len(calls) > 0:
			calls = calls[:len(calls)-1]
		case (t.Type == tokens.Power || t.Type == tokens.Multiply) && len(calls) > 0 && calls[len(calls)-1] &&
			i > 0 && (in[i-1].Type == tokens.Comma || in[i-1].Type == tokens.LeftParenthesis):
			if out == nil {
				out = append(make([]*tokens.Token, 0, len(in)+4), in[:i]...)
			}
			name := spreadArgs
			if t.Type == tokens.Power {
				name = spreadKwargs
			}
			out = append(out, tokenAt(tokens.Name, name, t), tokenAt(tokens.Assign, "=", t))
			continue
		}
		if out != nil {
			out = append(out, t)
		}
	}
	if out == nil {
		return in
	}
	return out
}

// rewriteSpreadCall makes a call with spread arguments a call of
// __spread__ with the callee first.
func rewriteSpreadCall(c *nodes.Call) {
	_, args := c.Kwargs[spreadArgs]
	_, kwargs := c.Kwargs[spreadKwargs]
	if !args && !kwargs {
		return
	}
	at := c.Location
	if g, ok := c.Func.(*nodes.GetAttribute); ok {
		// x.method(**kw): a method of a string, list or dict is no
		// value of its own; the receiver and the name find it
		// (and the variable it is called on, as __method__ takes them)
		variable := ""
		if n, ok := g.Node.(*nodes.Name); ok {
			variable = n.Name.Val
		}
		c.Kwargs[spreadSelf] = g.Node.(nodes.Expression)
		c.Kwargs[spreadMethod] = &nodes.String{Location: at, Val: g.Attribute}
		c.Kwargs[spreadVariable] = &nodes.String{Location: at, Val: variable}
	}
	c.Args = append([]nodes.Expression{c.Func}, c.Args...)
	c.Func = &nodes.Name{Name: &tokens.Token{Type: tokens.Name, Val: spreadFuncName, Pos: at.Pos, Line: at.Line, Col: at.Col}}
	c.Parent = nil
}

// spreadCall is __spread__(f, ...): it calls f with the arguments spread
// back in place, the list's items after the positional arguments and the
// dict's entries among the keyword arguments. f is a macro or a function
// taking any arguments (dbt's are).
func spreadCall(e *exec.Evaluator, a *exec.VarArgs) (*exec.Value, error) {
	fn := a.Args[0]
	params := &exec.VarArgs{Args: a.Args[1:], KwArgs: a.KwArgs}
	self, method, variable := params.KwArgs[spreadSelf], params.KwArgs[spreadMethod], params.KwArgs[spreadVariable]
	delete(params.KwArgs, spreadSelf)
	delete(params.KwArgs, spreadMethod)
	delete(params.KwArgs, spreadVariable)
	if err := spreadArgsOf(params); err != nil {
		return nil, err
	}
	f := reflect.ValueOf(fn.Interface())
	if f.Kind() != reflect.Func && self != nil && method != nil {
		if self.IsError() {
			return self, nil
		}
		// the method called as any other: __method__ (method_calls.go)
		return methodCall(e, &exec.VarArgs{Args: append([]*exec.Value{method, variable, self}, params.Args...), KwArgs: params.KwArgs}), nil
	}
	if fn.IsError() {
		return fn, nil
	}
	if f.Kind() != reflect.Func {
		return nil, fmt.Errorf("a method takes no *args or **kwargs here; name its arguments")
	}
	in := []reflect.Value{reflect.ValueOf(params)}
	t := f.Type()
	switch {
	case t.NumIn() == 1 && t.In(0) == reflect.TypeFor[*exec.VarArgs]():
	case t.NumIn() == 2 && t.In(0) == reflect.TypeFor[*exec.Evaluator]() && t.In(1) == reflect.TypeFor[*exec.VarArgs]():
		in = append([]reflect.Value{reflect.ValueOf(e)}, in...)
	default:
		return nil, fmt.Errorf("*args and **kwargs can be passed to macros and to functions taking any arguments, not to this one; name the arguments")
	}
	out := f.Call(in)
	if len(out) == 2 && !out[1].IsNil() {
		return nil, out[1].Interface().(error)
	}
	if v, ok := out[0].Interface().(*exec.Value); ok {
		return v, nil
	}
	return exec.AsValue(out[0].Interface()), nil
}

// spreadArgsOf spreads the list and dict a call passed back in place.
func spreadArgsOf(params *exec.VarArgs) error {
	if v, ok := params.KwArgs[spreadArgs]; ok {
		delete(params.KwArgs, spreadArgs)
		if !v.IsList() {
			return fmt.Errorf("*%s in a call must be a list, not %s", v.String(), pyTypeName(v))
		}
		for i := 0; i < v.Len(); i++ {
			params.Args = append(params.Args, v.Index(i))
		}
	}
	if v, ok := params.KwArgs[spreadKwargs]; ok {
		delete(params.KwArgs, spreadKwargs)
		if !v.IsDict() {
			return fmt.Errorf("**%s in a call must be a dict, not %s", v.String(), pyTypeName(v))
		}
		var err error
		v.Iterate(func(idx, count int, key, value *exec.Value) bool {
			if _, dup := params.KwArgs[key.String()]; dup {
				err = fmt.Errorf("the call got keyword argument %q twice", key.String())
				return false
			}
			params.KwArgs[key.String()] = value
			return true
		}, func() {})
		if err != nil {
			return err
		}
	}
	return nil
}
