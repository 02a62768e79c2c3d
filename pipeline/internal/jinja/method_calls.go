package jinja

import (
	"fmt"

	"github.com/nikolalohinski/gonja/v2/exec"
	"github.com/nikolalohinski/gonja/v2/nodes"
	"github.com/nikolalohinski/gonja/v2/tokens"
)

// gonja runs a method of a list or a dict by first copying the whole value
// into Go types and printing it for an error message it may not need, so
// each x.append() cost the size of x (a list of n dicts built in a loop
// cost n²), and it cannot copy a dict keyed by relations at all. So a call
// x.m(...) of a list or dict method becomes __method__('m', 'x', x, ...),
// the second argument naming the variable the call is made on ("" for any
// other expression), which calls our method (methods.go) on the value
// itself and, as gonja does, writes the value back to that variable (a
// list that had to become growable). Other values (strings, our objects,
// whose attribute of that name answers) go to gonja's call.
const methodCallName = "__method__"

func rewriteMethodCall(c *nodes.Call) {
	ga, ok := c.Func.(*nodes.GetAttribute)
	if !ok || c.Location == nil {
		return
	}
	if _, list := listMethods[ga.Attribute]; !list && !printingMethods[ga.Attribute] {
		if _, dict := dictMethods[ga.Attribute]; !dict {
			return
		}
	}
	if _, spread := c.Kwargs[spreadArgs]; spread {
		return
	}
	if _, spread := c.Kwargs[spreadKwargs]; spread {
		return
	}
	at := c.Location
	variable := ""
	ga.Node = unwrapNoneAttr(ga.Node) // a method of None fails as before
	if n, ok := ga.Node.(*nodes.Name); ok {
		variable = n.Name.Val
	}
	c.Args = append([]nodes.Expression{&nodes.String{Location: at, Val: ga.Attribute}, &nodes.String{Location: at, Val: variable}, ga.Node}, c.Args...)
	c.Func = &nodes.Name{Name: &tokens.Token{Type: tokens.Name, Val: methodCallName, Pos: at.Pos, Line: at.Line, Col: at.Col}}
	c.Parent = nil
}

// methodCall is __method__(method, variable, self, args...).
func methodCall(e *exec.Evaluator, a *exec.VarArgs) *exec.Value {
	method, variable, self := a.Args[0].String(), a.Args[1].String(), a.Args[2]
	args := &exec.VarArgs{Args: a.Args[3:], KwArgs: a.KwArgs}
	var out any
	var err error
	switch {
	case ownMethod(self, method):
		return gonjaMethodCall(e, method, self, args)
	case self.IsList() && listMethods[method] != nil:
		out, err = listMethods[method](nil, self, args)
	case isDict(self) && dictMethods[method] != nil:
		out, err = dictMethods[method](nil, self, args)
	default:
		return gonjaMethodCall(e, method, self, args)
	}
	if err != nil {
		if callErr, ok := err.(exec.ErrInvalidCall); ok {
			return exec.AsValue(fmt.Errorf("invalid call to method '%s' of %s: %s", method, self.String(), callErr.Error()))
		}
		return exec.AsValue(err)
	}
	if variable != "" && e.Environment.Context.Has(variable) {
		e.Environment.Context.Set(variable, self.Interface())
	}
	return exec.AsValue(out)
}

// envMethodCall is methodCall, but for a printing method of a run_query
// table (print_table), whose text goes to the run's output as print's.
func (e *Env) envMethodCall(ev *exec.Evaluator, a *exec.VarArgs) *exec.Value {
	// While dbt parses a node, a string's missing method is its parser's
	// undefined value, which calls: config.get('meta', {}).get('owner')
	// is config.get's "" there (ParseConfigObject) and gives nothing.
	if method := a.Args[0].String(); e.cur != nil && e.cur.Parsing && a.Args[2].IsString() && method != "count" && method != "index" {
		return exec.AsValue(nil)
	}
	// A method of None or of an undefined value is that parser's undefined
	// value too: load_result('r').table.columns[0].values() is nothing
	// while parsing, where no statement ran.
	if e.cur != nil && e.cur.Parsing && (a.Args[2].IsNil() || isUndefined(a.Args[2])) && !a.Args[2].IsError() {
		return exec.AsValue(nil)
	}
	if method := a.Args[0].String(); printingMethods[method] {
		if t, ok := a.Args[2].Interface().(table); ok {
			text, err := t.printTable(&exec.VarArgs{Args: a.Args[3:], KwArgs: a.KwArgs})
			if err != nil {
				return exec.AsValue(err)
			}
			e.emit(LogPrint, text)
			return noneValue()
		}
	}
	return methodCall(ev, a)
}

// ownMethod tells whether the value answers the attribute itself (an
// agate row's get(), a relation's), which gonja then calls.
func ownMethod(v *exec.Value, name string) bool {
	if v.IsNil() {
		return false
	}
	if _, ok := v.Interface().(exec.AttributeGetter); !ok {
		return false
	}
	attr, ok := v.GetAttribute(name)
	return ok && attr.IsCallable()
}

// gonjaMethodCall is self.method(args...) evaluated by gonja.
func gonjaMethodCall(e *exec.Evaluator, method string, self *exec.Value, args *exec.VarArgs) *exec.Value {
	names := map[string]any{"__self__": self}
	call := &nodes.Call{
		Func:   &nodes.GetAttribute{Node: operandName("__self__"), Attribute: method},
		Parent: operandName("__self__"),
		Kwargs: map[string]nodes.Expression{},
	}
	for i, v := range args.Args {
		n := fmt.Sprintf("__a%d__", i)
		names[n] = v
		call.Args = append(call.Args, operandName(n))
	}
	for k, v := range args.KwArgs {
		n := "__k_" + k + "__"
		names[n] = v
		call.Kwargs[k] = operandName(n)
	}
	return evalWith(e, call, names)
}
