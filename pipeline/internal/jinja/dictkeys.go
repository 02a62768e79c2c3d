package jinja

import (
	"strings"

	"github.com/nikolalohinski/gonja/v2/exec"
	"github.com/nikolalohinski/gonja/v2/nodes"
	"github.com/nikolalohinski/gonja/v2/tokens"
)

// A relation is a dict key in dbt, as any hashable Python object is:
// dbt_utils' union_relations keeps each relation's columns in
// relation_columns[relation]. gonja takes only strings and integers in
// x[key], so after parsing a subscript whose key is not a literal becomes
// x[__key__(key)], which gives a relation as its printed name, the text
// its dict key compares by (dictSet keeps the relation itself as the key,
// so iterating the dict gives relations back).
const keyFuncName = "__key__"

// Any subscript but a string literal also becomes __seq__(x)[key]: see
// pySeq.
const seqFuncName = "__seq__"

func rewriteGetItem(g *nodes.GetItem) {
	g.Node = noneable(g.Node) // an item of None is undefined, as an attribute is
	switch g.Arg.(type) {
	case *nodes.String, nil:
		return
	}
	at := g.Arg.Position()
	if at == nil {
		return
	}
	call := func(name string, arg nodes.Expression) *nodes.Call {
		return &nodes.Call{
			Location: at,
			Func:     &nodes.Name{Name: &tokens.Token{Type: tokens.Name, Val: name, Pos: at.Pos, Line: at.Line, Col: at.Col}},
			Args:     []nodes.Expression{arg},
			Kwargs:   map[string]nodes.Expression{},
		}
	}
	g.Node = call(seqFuncName, g.Node)
	if _, ok := g.Arg.(*nodes.Integer); !ok {
		g.Arg = call(keyFuncName, g.Arg)
	}
}

// subscriptSeq is __seq__: a list or a string becomes a pySeq, anything
// else is itself.
func subscriptSeq(a *exec.VarArgs) *exec.Value {
	if len(a.Args) != 1 {
		return exec.AsValue(nil)
	}
	v := a.Args[0]
	if v.IsList() || v.IsString() {
		return exec.AsValue(pySeq{v})
	}
	if d := dictOf(v); d != nil {
		return exec.AsValue(intKeyed{d, v})
	}
	return v
}

// intKeyed finds a dict's integer keys, which gonja's x[key] cannot
// ({1: 'a'}[1] failed); other keys are looked up as gonja looks them up.
type intKeyed struct {
	d *exec.Dict
	v *exec.Value
}

func (k intKeyed) GetItem(key any) (*exec.Value, bool) {
	if s, ok := key.(string); ok && strings.HasPrefix(s, tupleKeyMark) {
		for _, p := range k.d.Pairs {
			if _, tuple := p.Key.Interface().(exec.ValuesList); tuple && tupleKeyMark+pyRepr(p.Key) == s {
				return p.Value, true
			}
		}
		return exec.AsValue(nil), false
	}
	i, ok := key.(int)
	if !ok {
		return k.v.GetItem(key)
	}
	for _, p := range k.d.Pairs {
		if p.Key.IsInteger() && p.Key.Integer() == i {
			return p.Value, true
		}
	}
	return exec.AsValue(nil), false
}

// pySeq indexes a list or a string as Python does: gonja reads x[-n] only
// when n < len(x), so [a][-1] was undefined, and indexes a string by byte.
type pySeq struct{ v *exec.Value }

func (s pySeq) GetItem(key any) (*exec.Value, bool) {
	i, ok := key.(int)
	if !ok {
		return s.v.GetItem(key)
	}
	if s.v.IsString() {
		r := []rune(s.v.String())
		if i < 0 {
			i += len(r)
		}
		if i < 0 || i >= len(r) {
			return exec.AsValue(nil), false
		}
		return exec.AsValue(string(r[i])), true
	}
	if n := s.v.Len(); i < 0 {
		i += n
	}
	if i < 0 || i >= s.v.Len() {
		return exec.AsValue(nil), false
	}
	return s.v.Index(i), true
}

// subscriptKey is __key__.
func subscriptKey(a *exec.VarArgs) *exec.Value {
	if len(a.Args) != 1 {
		return exec.AsValue(nil)
	}
	switch v := a.Args[0]; v.Interface().(type) {
	case relValue:
		return exec.AsValue(v.String())
	case exec.ValuesList:
		// a tuple, which Python hashes by its items
		return exec.AsValue(tupleKeyMark + pyRepr(v))
	}
	return a.Args[0]
}

// tupleKeyMark starts the text __key__ gives a tuple, which only a dict's
// tuple key of the same items matches (intKeyed).
const tupleKeyMark = "\x00tuple"
