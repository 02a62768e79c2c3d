package jinja

import (
	"fmt"
	"maps"
	"reflect"

	"github.com/nikolalohinski/gonja/v2/exec"
	"github.com/nikolalohinski/gonja/v2/nodes"
)

// Jinja2 evaluates a parameter's default when the macro is called, after
// the parameters before it are bound, so a default may name an earlier
// parameter: {% macro m(schema, name=schema) %}. gonja evaluates every
// default where the macro is defined, without its parameters.
// defaultParams finds the macro's defaults that name one of its
// parameters: uses when one names an earlier one; later maps a parameter's
// index to a later parameter its default names, which Jinja2 leaves without
// a value, so that default is refused when a call needs it.
func defaultParams(m *nodes.Macro) (uses bool, later map[int]string) {
	index := map[string]int{}
	for i, p := range m.Kwargs {
		index[paramName(p)] = i
	}
	for i, p := range m.Kwargs {
		for _, name := range namesIn(p.Value) {
			if j, ok := index[name]; ok {
				uses = true
				if j >= i {
					if later == nil {
						later = map[int]string{}
					}
					later[i] = name
				}
			}
		}
	}
	return uses, later
}

func paramName(p *nodes.Pair) string {
	if s, ok := p.Key.(*nodes.String); ok {
		return s.Val
	}
	return ""
}

// namesIn lists the variable names an expression reads.
func namesIn(expr nodes.Expression) []string {
	var names []string
	nameType := reflect.TypeFor[*nodes.Name]()
	seen := map[uintptr]bool{}
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Pointer:
			if v.IsNil() {
				return
			}
			if v.Type() == nameType {
				if n := (*nodes.Name)(v.UnsafePointer()); n.Name != nil {
					names = append(names, n.Name.Val)
				}
				return
			}
			if !seen[v.Pointer()] {
				seen[v.Pointer()] = true
				walk(v.Elem())
			}
		case reflect.Struct:
			for i := range v.NumField() {
				walk(v.Field(i))
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Map:
			for it := v.MapRange(); it.Next(); {
				walk(it.Value())
			}
		}
	}
	walk(reflect.ValueOf(expr))
	return names
}

// bindDefaults gives each parameter the call leaves unbound its default,
// in order, each evaluated with the parameters before it set, as keyword
// arguments.
func bindDefaults(r *exec.Renderer, m *nodes.Macro, later map[int]string, params *exec.VarArgs) (*exec.VarArgs, error) {
	out := &exec.VarArgs{Args: params.Args, KwArgs: maps.Clone(params.KwArgs)}
	if out.KwArgs == nil {
		out.KwArgs = map[string]*exec.Value{}
	}
	sub := r.Inherit()
	for i, p := range m.Kwargs {
		name := paramName(p)
		v, ok := out.KwArgs[name]
		switch {
		case i < len(params.Args):
			v = params.Args[i]
		case !ok:
			if p, ok := later[i]; ok {
				return nil, fmt.Errorf("macro %s: the default of %s names the parameter %s, which is not bound yet when the default is evaluated (Jinja2 gives it no value)", m.Name, name, p)
			}
			if v = sub.Eval(p.Value); v.IsError() {
				return nil, v
			}
			out.KwArgs[name] = v
		}
		sub.Environment.Context.Set(name, v)
	}
	return out, nil
}
