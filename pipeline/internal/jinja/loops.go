package jinja

import (
	"bytes"

	controlStructures "github.com/nikolalohinski/gonja/v2/builtins/control_structures"
	"github.com/nikolalohinski/gonja/v2/exec"
	"github.com/nikolalohinski/gonja/v2/nodes"
	"github.com/nikolalohinski/gonja/v2/tokens"
)

// Jinja2's loop.depth counts the levels of a recursive loop only: a loop
// inside another loop is at depth 1. gonja counts every enclosing loop, and
// in a `recursive` loop it replaces `loop` by the bare recursion function,
// so loop.index and the rest are empty there. loopNode, first in every
// loop body, gives `loop` Jinja2's answers: a loopView, or for a recursive
// loop a recursiveLoop that is both callable and a loopView.

// recursiveItems is the variable the recursion's inner loop iterates.
const recursiveItems = "__recursive_items__"

// loopNode runs at the start of each iteration of a loop's body.
type loopNode struct {
	env *Env
	at  *tokens.Token
	// inner is the loop to run for loop(items) when the loop is recursive.
	inner *controlStructures.ForControlStructure
}

func (n *loopNode) Position() *tokens.Token { return n.at }
func (n *loopNode) String() string          { return "loop" }
func (n *loopNode) Execute(r *exec.Renderer, _ *nodes.ControlStructureBlock) error {
	if err := n.env.tick(r.Output); err != nil {
		return err
	}
	ctx := r.Environment.Context
	v, _ := ctx.Get("loop")
	infos, ok := v.(*controlStructures.LoopInfos)
	if !ok {
		return nil
	}
	// a loop is at depth 1 unless this loop's own recursion set another
	depth := 1
	if p, ok := ctx.Get(recursiveDepth); ok {
		if l, ok := p.(recursionLevel); ok && l.loop == n.inner {
			depth = l.depth
		}
	}
	view := loopView{infos: infos, depth: depth}
	if n.inner == nil {
		ctx.Set("loop", view)
		return nil
	}
	inner := n.inner
	ctx.Set("loop", recursiveLoop(func(args *exec.VarArgs) *exec.Value {
		if args == nil {
			return exec.AsValue(view)
		}
		if len(args.Args) == 0 {
			return exec.AsValue("")
		}
		sub := r.Inherit()
		var buf bytes.Buffer
		sub.Output = &buf
		sub.Environment.Context.Set(recursiveItems, args.Args[0])
		sub.Environment.Context.Set(recursiveDepth, recursionLevel{loop: inner, depth: depth + 1})
		if err := inner.Execute(sub, nil); err != nil {
			return exec.AsValue(err)
		}
		return exec.AsSafeValue(buf.String())
	}))
	return nil
}

// recursiveDepth is the variable holding the recursionLevel being rendered.
const recursiveDepth = "__recursive_depth__"

// recursionLevel is the depth of the level of a recursive loop rendered.
type recursionLevel struct {
	loop  *controlStructures.ForControlStructure
	depth int
}

// loopView is a loop's `loop` with Jinja2's depth.
type loopView struct {
	infos *controlStructures.LoopInfos
	depth int
}

func (l loopView) GetAttribute(name string) (*exec.Value, bool) {
	switch name {
	case "depth":
		return exec.AsValue(l.depth), true
	case "depth0":
		return exec.AsValue(l.depth - 1), true
	}
	return l.infos.GetAttribute(name)
}

// recursiveLoop is a recursive loop's `loop`: calling it renders the loop's
// body for other items, one level deeper. It must be a func to be
// callable, so its loopView is what it answers to no arguments at all (a
// call from a template always passes some).
type recursiveLoop func(*exec.VarArgs) *exec.Value

func (f recursiveLoop) GetAttribute(name string) (*exec.Value, bool) {
	v, _ := f(nil).Interface().(loopView)
	return v.GetAttribute(name)
}
