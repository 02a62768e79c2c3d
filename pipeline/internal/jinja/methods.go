package jinja

import (
	"errors"
	"fmt"
	"reflect"
	"sort"

	"github.com/nikolalohinski/gonja/v2/builtins"
	"github.com/nikolalohinski/gonja/v2/exec"
)

// Methods must return plain values, never *exec.Value: gonja wraps the
// result again, and a wrapped *exec.Value reads as an error.

// methods are gonja's string, number and bool methods plus our own list and
// dict methods, which change the value they are called on in place (see
// values.go).
func methods() exec.Methods {
	m := builtins.Methods
	m.Str = plainStrMethods()
	m.List = exec.NewMethodSet(listMethods)
	m.Dict = exec.NewMethodSet(dictMethods)
	return m
}

// listPtr returns the list a method was called on. A plain Go slice (from a
// gonja filter, or `a + b`) cannot grow in place; it is then replaced by a
// pointer that gonja writes back to the variable.
func listPtr(self *exec.Value) *[]any {
	if p, ok := self.Interface().(*[]any); ok {
		return p
	}
	l := make([]any, 0, self.Len())
	for i := 0; i < self.Len(); i++ {
		l = append(l, self.Index(i).Interface())
	}
	p := &l
	*self = *exec.AsValue(p)
	return p
}

func wantArgs(name string, a *exec.VarArgs, min, max int) error {
	if len(a.Args) < min || len(a.Args) > max || len(a.KwArgs) > 0 {
		if min == max {
			return exec.ErrInvalidCall(fmt.Errorf("%s() takes %d arguments (%d given)", name, min, len(a.Args)))
		}
		return exec.ErrInvalidCall(fmt.Errorf("%s() takes %d to %d arguments (%d given)", name, min, max, len(a.Args)))
	}
	return nil
}

var listMethods = map[string]exec.Method[[]any]{
	"append": func(_ []any, self *exec.Value, a *exec.VarArgs) (any, error) {
		if err := wantArgs("append", a, 1, 1); err != nil {
			return nil, err
		}
		p := listPtr(self)
		*p = append(*p, a.Args[0].Interface())
		return none, nil
	},
	"extend": func(_ []any, self *exec.Value, a *exec.VarArgs) (any, error) {
		if err := wantArgs("extend", a, 1, 1); err != nil {
			return nil, err
		}
		p := listPtr(self)
		a.Args[0].Iterate(func(_, _ int, k, _ *exec.Value) bool {
			*p = append(*p, k.Interface())
			return true
		}, func() {})
		return none, nil
	},
	"insert": func(_ []any, self *exec.Value, a *exec.VarArgs) (any, error) {
		if err := wantArgs("insert", a, 2, 2); err != nil {
			return nil, err
		}
		p := listPtr(self)
		i := clampIndex(a.Args[0].Integer(), len(*p))
		*p = append(*p, nil)
		copy((*p)[i+1:], (*p)[i:])
		(*p)[i] = a.Args[1].Interface()
		return none, nil
	},
	"pop": func(_ []any, self *exec.Value, a *exec.VarArgs) (any, error) {
		if err := wantArgs("pop", a, 0, 1); err != nil {
			return nil, err
		}
		p := listPtr(self)
		if len(*p) == 0 {
			return nil, errors.New("pop from empty list")
		}
		i := len(*p) - 1
		if len(a.Args) == 1 {
			i = a.Args[0].Integer()
			if i < 0 {
				i += len(*p)
			}
			if i < 0 || i >= len(*p) {
				return nil, errors.New("pop index out of range")
			}
		}
		v := (*p)[i]
		*p = append((*p)[:i], (*p)[i+1:]...)
		return v, nil
	},
	"remove": func(_ []any, self *exec.Value, a *exec.VarArgs) (any, error) {
		if err := wantArgs("remove", a, 1, 1); err != nil {
			return nil, err
		}
		p := listPtr(self)
		for i, e := range *p {
			if exec.ToValue(e).EqualValueTo(a.Args[0]) {
				*p = append((*p)[:i], (*p)[i+1:]...)
				return none, nil
			}
		}
		return nil, errors.New("list.remove(x): x not in list")
	},
	"index": func(l []any, self *exec.Value, a *exec.VarArgs) (any, error) {
		if err := wantArgs("index", a, 1, 1); err != nil {
			return nil, err
		}
		for i := 0; i < self.Len(); i++ {
			if self.Index(i).EqualValueTo(a.Args[0]) {
				return i, nil
			}
		}
		return nil, fmt.Errorf("%s is not in list", a.Args[0].String())
	},
	"count": func(l []any, self *exec.Value, a *exec.VarArgs) (any, error) {
		if err := wantArgs("count", a, 1, 1); err != nil {
			return nil, err
		}
		n := 0
		for i := 0; i < self.Len(); i++ {
			if self.Index(i).EqualValueTo(a.Args[0]) {
				n++
			}
		}
		return n, nil
	},
	"copy": func(l []any, self *exec.Value, a *exec.VarArgs) (any, error) {
		if err := wantArgs("copy", a, 0, 0); err != nil {
			return nil, err
		}
		c := make([]any, 0, self.Len())
		for i := 0; i < self.Len(); i++ {
			c = append(c, self.Index(i).Interface())
		}
		return &c, nil
	},
	"clear": func(_ []any, self *exec.Value, a *exec.VarArgs) (any, error) {
		if err := wantArgs("clear", a, 0, 0); err != nil {
			return nil, err
		}
		p := listPtr(self)
		*p = (*p)[:0]
		return none, nil
	},
	"reverse": func(_ []any, self *exec.Value, a *exec.VarArgs) (any, error) {
		if err := wantArgs("reverse", a, 0, 0); err != nil {
			return nil, err
		}
		p := listPtr(self)
		for i, j := 0, len(*p)-1; i < j; i, j = i+1, j-1 {
			(*p)[i], (*p)[j] = (*p)[j], (*p)[i]
		}
		return none, nil
	},
	"sort": func(_ []any, self *exec.Value, a *exec.VarArgs) (any, error) {
		p := listPtr(self)
		reverse := false
		if r, ok := a.KwArgs["reverse"]; ok {
			reverse = r.IsTrue()
		}
		vals := make(exec.ValuesList, len(*p))
		for i, e := range *p {
			vals[i] = exec.ToValue(e)
		}
		if reverse {
			sort.Stable(sort.Reverse(vals))
		} else {
			sort.Stable(vals)
		}
		for i, v := range vals {
			(*p)[i] = v.Interface()
		}
		return none, nil
	},
}

func clampIndex(i, n int) int {
	if i < 0 {
		i += n
	}
	return max(0, min(i, n))
}

var dictMethods = map[string]exec.Method[map[string]any]{
	"get": func(_ map[string]any, self *exec.Value, a *exec.VarArgs) (any, error) {
		if err := wantArgs("get", a, 1, 2); err != nil {
			return nil, err
		}
		if v, ok := dictGet(self, a.Args[0].String()); ok {
			return v.Interface(), nil
		}
		if len(a.Args) == 2 {
			return a.Args[1].Interface(), nil
		}
		return none, nil
	},
	"items": func(_ map[string]any, self *exec.Value, a *exec.VarArgs) (any, error) {
		if err := wantArgs("items", a, 0, 0); err != nil {
			return nil, err
		}
		var out []any
		for _, p := range dictEntries(self) {
			out = append(out, exec.ValuesList{p.Key, p.Value}) // a tuple, as in Python
		}
		return &out, nil
	},
	"keys": func(_ map[string]any, self *exec.Value, a *exec.VarArgs) (any, error) {
		if err := wantArgs("keys", a, 0, 0); err != nil {
			return nil, err
		}
		out := []any{}
		for _, p := range dictEntries(self) {
			out = append(out, p.Key.Interface())
		}
		return &out, nil
	},
	"values": func(_ map[string]any, self *exec.Value, a *exec.VarArgs) (any, error) {
		if err := wantArgs("values", a, 0, 0); err != nil {
			return nil, err
		}
		out := []any{}
		for _, p := range dictEntries(self) {
			out = append(out, p.Value)
		}
		return &out, nil
	},
	"update": func(_ map[string]any, self *exec.Value, a *exec.VarArgs) (any, error) {
		if len(a.Args) > 1 {
			return nil, exec.ErrInvalidCall(errors.New("update() takes at most 1 positional argument"))
		}
		if len(a.Args) == 1 {
			for _, p := range dictEntries(a.Args[0]) {
				if err := dictSet(self, p.Key, p.Value); err != nil {
					return nil, err
				}
			}
		}
		keys := make([]string, 0, len(a.KwArgs))
		for k := range a.KwArgs {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if err := dictSet(self, k, a.KwArgs[k]); err != nil {
				return nil, err
			}
		}
		return none, nil
	},
	"pop": func(_ map[string]any, self *exec.Value, a *exec.VarArgs) (any, error) {
		if err := wantArgs("pop", a, 1, 2); err != nil {
			return nil, err
		}
		key := a.Args[0].String()
		if v, ok := dictGet(self, key); ok {
			dictDelete(self, key)
			return v.Interface(), nil
		}
		if len(a.Args) == 2 {
			return a.Args[1].Interface(), nil
		}
		return nil, fmt.Errorf("key %q not found", key)
	},
	"setdefault": func(_ map[string]any, self *exec.Value, a *exec.VarArgs) (any, error) {
		if err := wantArgs("setdefault", a, 1, 2); err != nil {
			return nil, err
		}
		key := a.Args[0].String()
		if v, ok := dictGet(self, key); ok {
			return v.Interface(), nil
		}
		def := none
		if len(a.Args) == 2 {
			def = a.Args[1].Interface()
		}
		return def, dictSet(self, a.Args[0], def)
	},
	"copy": func(_ map[string]any, self *exec.Value, a *exec.VarArgs) (any, error) {
		if err := wantArgs("copy", a, 0, 0); err != nil {
			return nil, err
		}
		d := exec.NewDict()
		for _, p := range dictEntries(self) {
			d.Pairs = append(d.Pairs, &exec.Pair{Key: p.Key, Value: p.Value})
		}
		return d, nil
	},
	"clear": func(_ map[string]any, self *exec.Value, a *exec.VarArgs) (any, error) {
		if d := dictOf(self); d != nil {
			d.Pairs = d.Pairs[:0]
			return none, nil
		}
		rv := reflect.ValueOf(self.Interface())
		if rv.Kind() == reflect.Map {
			rv.Clear()
		}
		return none, nil
	},
}
