package jinja

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/nikolalohinski/gonja/v2/exec"
)

// strMaketrans is Python's str.maketrans: from a dict of characters (or
// code points) to strings, code points or None; or from two strings of
// equal length, character for character, and a third whose characters
// map to None. The table maps code points, as Python's does.
func strMaketrans(_ string, _ *exec.Value, a *exec.VarArgs) (any, error) {
	if len(a.KwArgs) > 0 || len(a.Args) == 0 || len(a.Args) > 3 {
		return nil, exec.ErrInvalidCall(fmt.Errorf("maketrans() takes one to three arguments"))
	}
	d := exec.NewDict()
	put := func(k rune, v *exec.Value) {
		key := exec.AsValue(int(k))
		for _, p := range d.Pairs {
			if p.Key.Integer() == int(k) {
				p.Value = v
				return
			}
		}
		d.Pairs = append(d.Pairs, &exec.Pair{Key: key, Value: v})
	}
	if len(a.Args) == 1 {
		if !isDict(a.Args[0]) {
			return nil, fmt.Errorf("TypeError: if you give only one argument to maketrans it must be a dict")
		}
		for _, p := range dictEntries(a.Args[0]) {
			switch k := p.Key; {
			case k.IsInteger():
				put(rune(k.Integer()), p.Value)
			case k.IsString() && utf8.RuneCountInString(k.String()) == 1:
				r, _ := utf8.DecodeRuneInString(k.String())
				put(r, p.Value)
			default:
				return nil, fmt.Errorf("ValueError: string keys in translate table must be of length 1")
			}
		}
		return d, nil
	}
	for _, s := range a.Args {
		if !s.IsString() {
			return nil, fmt.Errorf("TypeError: maketrans() arguments must be strings, not %s", pyTypeName(s))
		}
	}
	from, to := []rune(a.Args[0].String()), []rune(a.Args[1].String())
	if len(from) != len(to) {
		return nil, fmt.Errorf("ValueError: the first two maketrans arguments must have equal length")
	}
	for i, r := range from {
		put(r, exec.AsValue(int(to[i])))
	}
	if len(a.Args) == 3 {
		for _, r := range a.Args[2].String() {
			put(r, exec.AsValue(nil))
		}
	}
	return d, nil
}

// strTranslate is Python's str.translate(table): each character looked
// up by its code point, and kept when the table has no entry, dropped for
// None, replaced by the character of a code point or by a string.
func strTranslate(self string, _ *exec.Value, a *exec.VarArgs) (any, error) {
	if len(a.Args) != 1 || len(a.KwArgs) > 0 {
		return nil, exec.ErrInvalidCall(fmt.Errorf("translate() takes exactly one argument"))
	}
	table := map[rune]*exec.Value{}
	if t := a.Args[0]; isDict(t) {
		for _, p := range dictEntries(t) {
			if p.Key.IsInteger() {
				table[rune(p.Key.Integer())] = p.Value
			}
		}
	} else {
		return nil, fmt.Errorf("TypeError: translate() takes a table made by str.maketrans, not %s", pyTypeName(t))
	}
	var b strings.Builder
	for _, r := range self {
		v, ok := table[r]
		switch {
		case !ok:
			b.WriteRune(r)
		case v == nil || v.IsNil():
		case v.IsInteger():
			b.WriteRune(rune(v.Integer()))
		case v.IsString():
			b.WriteString(v.String())
		default:
			return nil, fmt.Errorf("TypeError: character mapping must return integer, None or str")
		}
	}
	return b.String(), nil
}
