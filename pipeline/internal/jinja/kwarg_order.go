package jinja

import (
	"cmp"
	"slices"

	"github.com/nikolalohinski/gonja/v2/exec"
	"github.com/nikolalohinski/gonja/v2/nodes"
)

// Python keeps keyword arguments in the order they are written, so
// dict(b=1, a=2) has b first; gonja's parser keeps them in a map. After
// parsing, a call of dict with several keyword arguments gets one more,
// __kwarg_order__, listing their names in the order their values are
// written, which kwargNames reads.
const kwargOrder = "__kwarg_order__"

func orderKwargs(c *nodes.Call) {
	f, ok := c.Func.(*nodes.Name)
	if !ok || f.Name == nil || f.Name.Val != "dict" || len(c.Kwargs) < 2 {
		return
	}
	type named struct {
		name string
		at   int
	}
	var order []named
	for k, v := range c.Kwargs {
		p := v.Position()
		if p == nil || k == kwargOrder || k == spreadArgs || k == spreadKwargs {
			return // a spread or a value without a place: name order
		}
		order = append(order, named{k, p.Pos})
	}
	slices.SortFunc(order, func(a, b named) int { return cmp.Compare(a.at, b.at) })
	list := &nodes.List{Location: c.Location}
	for _, n := range order {
		list.Val = append(list.Val, &nodes.String{Location: c.Location, Val: n.name})
	}
	c.Kwargs[kwargOrder] = list
}

// kwargNames are the names of a call's keyword arguments in the order they
// were written where orderKwargs recorded it, else in name order.
func kwargNames(a *exec.VarArgs) []string {
	var names []string
	if order, ok := a.KwArgs[kwargOrder]; ok {
		for _, v := range seqItems(order) {
			names = append(names, v.String())
		}
		return names
	}
	for k := range a.KwArgs {
		names = append(names, k)
	}
	slices.Sort(names)
	return names
}
