package jinja

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"

	"github.com/nikolalohinski/gonja/v2/exec"

	"github.com/nexus-playground/nexus/pipeline/internal/yamlx"
)

// Lists are *[]any and dicts *exec.Dict inside templates. Both are pointers,
// so `{% do rels.append(x) %}` and `d.update(...)` change the one shared
// value, as in Python, instead of a copy that gonja writes back to the
// innermost scope only.

// newList builds the mutable list of a list literal (see rewriteTokens).
func newList(args *exec.VarArgs) *[]any {
	l := make([]any, 0, len(args.Args))
	for _, a := range args.Args {
		l = append(l, a.Interface())
	}
	return &l
}

// dictLiteral is a dict literal as Python builds it: a key written again
// replaces the value of its first entry, which keeps its place.
func dictLiteral(args *exec.VarArgs) *exec.Value {
	if len(args.Args) != 1 {
		return exec.AsValue(fmt.Errorf("%s takes one dict", dictFuncName))
	}
	d, ok := args.Args[0].Interface().(*exec.Dict)
	if !ok || len(d.Pairs) < 2 {
		return args.Args[0]
	}
	kept := d.Pairs[:0:0]
	for _, p := range d.Pairs {
		dup := false
		for _, k := range kept {
			if k.Key.EqualValueTo(p.Key) {
				k.Value, dup = p.Value, true
				break
			}
		}
		if !dup {
			kept = append(kept, p)
		}
	}
	d.Pairs = kept
	return args.Args[0]
}

// Ordered is a mapping whose keys keep the order they were written in: a
// dict of vars from YAML iterates in file order, as Python's dicts do.
type Ordered struct {
	Keys   []string
	Values map[string]any
}

// toJinja converts a Go value (vars, callback results) into the values
// templates work with: lists become *[]any, maps *exec.Dict (Ordered in
// its order, a Go map with sorted keys), relations relValue, recursively.
func toJinja(v any) any {
	switch x := v.(type) {
	case nil:
		return none
	case yamlx.Timestamp:
		return pyTime{t: x.Time, date: x.Date, aware: x.Aware}
	case Relation:
		return relValue{Relation: x}
	case *Relation:
		return relValue{Relation: *x}
	case []any:
		l := make([]any, len(x))
		for i, e := range x {
			l[i] = toJinja(e)
		}
		return &l
	case []string:
		l := make([]any, len(x))
		for i, e := range x {
			l[i] = e
		}
		return &l
	case Ordered:
		d := exec.NewDict()
		for _, k := range x.Keys {
			d.Pairs = append(d.Pairs, &exec.Pair{Key: exec.AsValue(k), Value: exec.AsValue(toJinja(x.Values[k]))})
		}
		return d
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		d := exec.NewDict()
		for _, k := range keys {
			d.Pairs = append(d.Pairs, &exec.Pair{Key: exec.AsValue(k), Value: exec.AsValue(toJinja(x[k]))})
		}
		return d
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return int(i)
		}
		f, _ := x.Float64()
		return f
	case int:
		return x
	case int64:
		return int(x)
	case int32:
		return int(x)
	case float32:
		return float64(x)
	case uint64:
		return int(x)
	}
	return v
}

// fromJinja converts a template value back into plain Go values: string,
// int64, float64, bool, nil, []any, map[string]any or Relation.
func fromJinja(v *exec.Value) any {
	if v == nil || v.IsNil() {
		return nil
	}
	switch x := v.Interface().(type) {
	case relValue:
		return x.Relation
	case *exec.Dict:
		m := make(map[string]any, len(x.Pairs))
		for _, p := range x.Pairs {
			m[p.Key.String()] = fromJinja(p.Value)
		}
		return m
	case exec.Dict:
		return fromJinja(exec.AsValue(&x))
	case string:
		return x
	case bool:
		return x
	}
	switch {
	case v.IsInteger():
		return int64(v.Integer())
	case v.IsFloat():
		return v.Float()
	case v.IsString():
		return v.String()
	case v.IsList():
		var out []any
		n := v.Len()
		out = make([]any, 0, n)
		for i := 0; i < n; i++ {
			out = append(out, fromJinja(v.Index(i)))
		}
		return out
	case v.IsDict():
		m := map[string]any{}
		for _, k := range v.Keys() {
			item, _ := v.GetItem(k.Interface())
			m[k.String()] = fromJinja(item)
		}
		return m
	}
	return v.Interface()
}

// dictOf returns the ordered dict behind a dict value, or nil when the value
// is a Go map.
func dictOf(v *exec.Value) *exec.Dict {
	switch d := v.Interface().(type) {
	case *exec.Dict:
		return d
	}
	return nil
}

// dictEntries lists a dict's pairs in order (insertion order for literals,
// sorted keys for Go maps).
func dictEntries(v *exec.Value) []*exec.Pair {
	if d := dictOf(v); d != nil {
		return d.Pairs
	}
	var out []*exec.Pair
	for _, k := range v.Keys() {
		item, _ := v.GetItem(k.Interface())
		out = append(out, &exec.Pair{Key: k, Value: item})
	}
	return out
}

// dictSet sets key in a dict value in place. A key compares by its text;
// a new one is kept as given, so a relation stays a relation.
func dictSet(v *exec.Value, k any, val any) error {
	kv := exec.ToValue(k)
	key := kv.String()
	if d := dictOf(v); d != nil {
		for _, p := range d.Pairs {
			if p.Key.String() == key {
				p.Value = exec.ToValue(val)
				return nil
			}
		}
		d.Pairs = append(d.Pairs, &exec.Pair{Key: kv, Value: exec.ToValue(val)})
		return nil
	}
	rv := reflect.ValueOf(v.Interface())
	if rv.Kind() == reflect.Map {
		rv.SetMapIndex(reflect.ValueOf(key), reflect.ValueOf(val))
		return nil
	}
	return fmt.Errorf("cannot set %q on %s", key, v.String())
}

// dictGet looks a key up.
func dictGet(v *exec.Value, key string) (*exec.Value, bool) {
	if d := dictOf(v); d != nil {
		for _, p := range d.Pairs {
			if p.Key.String() == key {
				return p.Value, true
			}
		}
		return nil, false
	}
	item, ok := v.GetItem(key)
	if !ok || item.IsError() {
		return nil, false
	}
	return item, true
}

// dictDelete removes a key in place.
func dictDelete(v *exec.Value, key string) {
	if d := dictOf(v); d != nil {
		for i, p := range d.Pairs {
			if p.Key.String() == key {
				d.Pairs = append(d.Pairs[:i], d.Pairs[i+1:]...)
				return
			}
		}
		return
	}
	rv := reflect.ValueOf(v.Interface())
	if rv.Kind() == reflect.Map {
		rv.SetMapIndex(reflect.ValueOf(key), reflect.Value{})
	}
}
