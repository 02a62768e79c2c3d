package jinja

import "github.com/nikolalohinski/gonja/v2/nodes"

// gonja reads `(expr).name(...)` with the attribute inside the parenthesis
// rule, so the call loses its receiver and a method of a string, number,
// list or dict there ("is not callable") fails: ("a" ~ b).upper(). In
// Jinja2 the receiver is the parenthesized value; give the call it back.
func setMethodReceiver(c *nodes.Call) {
	if ga, ok := c.Func.(*nodes.GetAttribute); ok && c.Parent == nil {
		ga.Node = unwrapNoneAttr(ga.Node) // a method of None fails, as calling Jinja2's undefined does
		c.Parent = ga.Node
	}
}
