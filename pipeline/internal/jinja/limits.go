package jinja

import (
	"context"
	"fmt"
	"strings"
	"time"

	controlStructures "github.com/nikolalohinski/gonja/v2/builtins/control_structures"
	"github.com/nikolalohinski/gonja/v2/exec"
	"github.com/nikolalohinski/gonja/v2/nodes"
	"github.com/nikolalohinski/gonja/v2/parser"
	"github.com/nikolalohinski/gonja/v2/tokens"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
)

// Caps on what one render may cost. A template comes from a project that
// may be a stranger's: gonja's parser recurses once per level of nesting
// (60,000 nested parentheses overflow the Go stack, which no recover
// catches), and a macro that calls itself twice doubles its work per level.
const (
	// MaxNesting is the deepest nesting of brackets, blocks and unary
	// operators a template may hold; checked before gonja parses it.
	MaxNesting = 100
	// MaxWork is the most macro calls and loop iterations one render may
	// make: packages that upload the run's artifacts and results at its
	// end (elementary's on-run-end) make about 1.4 million in a project of
	// 1,900 nodes, and a loop that appends to a list holds about 85 MB per
	// million turns. The run's time limit and the page's Stop bound the
	// rest (a render asks the run's context on every call and loop turn,
	// which in the page lets Stop through: wasm/yield.go).
	MaxWork = 3_000_000
	// MaxOutputBytes is the largest text one render may produce.
	MaxOutputBytes = 32 << 20
)

// limits is the state of the caps during one render.
type limits struct {
	ctx     context.Context // stops the render when done; nil: never
	work    int
	maxWork int // MaxWork; lower in tests
}

// SetContext makes every later render stop, with an error, once ctx is
// done: Jinja then stops with the run's time limit and its Stop.
func (e *Env) SetContext(ctx context.Context) { e.limits.ctx = ctx }

// tick counts one macro call or loop iteration and checks the context, the
// work cap and the size of the output so far.
func (e *Env) tick(out any) error {
	e.limits.work++
	if ctx := e.limits.ctx; ctx != nil {
		err := ctx.Err()
		// js/wasm has one thread: a busy render never lets the timer that
		// would end ctx run, so the deadline is read off the clock too.
		if d, ok := ctx.Deadline(); err == nil && ok && !time.Now().Before(d) {
			err = context.DeadlineExceeded
		}
		if err != nil {
			return e.fail("rendering stopped: "+err.Error(), "the time limit was reached or the run was stopped; look for a macro or loop that does too much work")
		}
	}
	if e.limits.work > e.limits.maxWork {
		return e.fail(fmt.Sprintf("the template made more than %d macro calls and loop iterations", e.limits.maxWork),
			"look for a macro that calls itself more than once, or loops inside loops")
	}
	if b, ok := out.(*strings.Builder); ok && b.Len() > MaxOutputBytes {
		return e.fail(fmt.Sprintf("the template produced more than %d MiB of text", MaxOutputBytes>>20),
			"look for a loop or macro that repeats text without end")
	}
	return nil
}

// errTooLong stops a render whose text value passed MaxOutputBytes before
// it was output: a string that doubles in a loop or through a macro's
// arguments.
var errTooLong = fmt.Errorf("a text value of the template is longer than %d MiB (look for text that doubles in a loop or a macro)", MaxOutputBytes>>20)

// tooLong reports a text value longer than MaxOutputBytes.
func tooLong(v *exec.Value) bool {
	return v != nil && v.IsString() && len(v.String()) > MaxOutputBytes
}

// boundLoops replaces gonja's {% for %} with one whose every iteration
// first runs a tick.
func (e *Env) boundLoops(set *exec.ControlStructureSet) {
	gonjaFor, _ := set.Get("for")
	_ = set.Replace("for", func(p *parser.Parser, args *parser.Parser) (nodes.ControlStructure, error) {
		cs, err := gonjaFor(p, args)
		if err != nil {
			return nil, err
		}
		// The for's body is a list of nodes walked once per iteration:
		// a node first in it runs on every iteration.
		f, ok := cs.(*controlStructures.ForControlStructure)
		if !ok || f.BodyWrapper == nil {
			return cs, nil
		}
		w := f.BodyWrapper
		first := &loopNode{env: e, at: w.Location}
		if f.Recursive {
			// loopNode does the recursion, with the same body
			f.Recursive = false
			inner := *f
			inner.ObjectEvaluator = &nodes.Name{Name: &tokens.Token{Type: tokens.Name, Val: recursiveItems, Pos: w.Location.Pos, Line: w.Location.Line, Col: w.Location.Col}}
			first.inner = &inner
		}
		w.Nodes = append([]nodes.Node{&nodes.ControlStructureBlock{Location: w.Location, Name: "loop", ControlStructure: first}}, w.Nodes...)
		return cs, nil
	})
}

// checkNesting refuses a template nested deeper than MaxNesting: brackets,
// block tags ({% if %} ... {% endif %}) and runs of unary operators.
func checkNesting(path string, toks []*tokens.Token) error {
	depth, blocks, unary := 0, 0, 0
	for i, t := range toks {
		switch t.Type {
		case tokens.LeftParenthesis, tokens.LeftBracket, tokens.LeftBrace:
			depth++
		case tokens.RightParenthesis, tokens.RightBracket, tokens.RightBrace:
			depth--
		case tokens.Name:
			if i > 0 && toks[i-1].Type == tokens.BlockBegin {
				switch {
				case strings.HasPrefix(t.Val, "end"):
					blocks--
				case opensBlock[t.Val]:
					blocks++
				}
			}
		}
		switch {
		case t.Type == tokens.Not || t.Type == tokens.Subtraction || t.Type == tokens.Addition:
			unary++
		case t.Type != tokens.Whitespace:
			unary = 0
		}
		if depth+blocks > MaxNesting || unary > MaxNesting {
			return diag.Errorf(path, t.Line, "the template is nested more than %d levels deep", MaxNesting).
				WithHint("split the expression or the blocks into macros")
		}
	}
	return nil
}

// opensBlock are the tags closed by an {% end... %} tag.
var opensBlock = map[string]bool{
	"if": true, "for": true, "macro": true, "call": true, "filter": true, "with": true,
	"block": true, "raw": true, "autoescape": true, "materialization": true, "test": true, "snapshot": true,
}
