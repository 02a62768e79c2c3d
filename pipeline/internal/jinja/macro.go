package jinja

import (
	"fmt"

	"github.com/nikolalohinski/gonja/v2/builtins"
	controlStructures "github.com/nikolalohinski/gonja/v2/builtins/control_structures"
	"github.com/nikolalohinski/gonja/v2/exec"
	"github.com/nikolalohinski/gonja/v2/nodes"
	"github.com/nikolalohinski/gonja/v2/parser"
)

// returned stops a macro body after return(): it unwinds, as a panic, to
// the call of the macro, which then yields the returned value instead of
// the printed text. An error would do, but gonja wraps an error with a
// stack trace and the text of the node at every level it passes, and dbt
// macros return from deep inside loops and conditions: that was a tenth of
// a build's time.
type returned struct{ frame *returnFrame }

// maxMacroDepth bounds macro recursion so a runaway macro fails with a
// message instead of exhausting the stack.
const maxMacroDepth = 200

// controlStructures are gonja's, with {% macro %} replaced by one whose
// calls honour dbt's return().
func (e *Env) controlStructures() *exec.ControlStructureSet {
	set := exec.NewControlStructureSet(map[string]parser.ControlStructureParser{})
	set.Update(builtins.ControlStructures)
	e.boundLoops(set)
	_ = set.Replace("set", setParser)
	_ = set.Replace("call", e.callParser)
	gonjaMacro, _ := builtins.ControlStructures.Get("macro")
	_ = set.Replace("macro", func(p *parser.Parser, args *parser.Parser) (nodes.ControlStructure, error) {
		cs, err := gonjaMacro(p, args)
		if err != nil {
			return nil, err
		}
		m, ok := cs.(*controlStructures.MacroControlStructure)
		if !ok {
			return nil, fmt.Errorf("unexpected macro node %T", cs)
		}
		return &macroStructure{MacroControlStructure: m, env: e}, nil
	})
	return set
}

type macroStructure struct {
	*controlStructures.MacroControlStructure
	env *Env
}

// Execute defines the macro in the current context, like gonja's, but the
// function it defines returns the value given to return() when the body
// calls it.
func (m *macroStructure) Execute(r *exec.Renderer, _ *nodes.ControlStructureBlock) error {
	body, err := exec.MacroNodeToFunc(m.Macro, r)
	if err != nil {
		return err
	}
	e := m.env
	name := m.Name
	ordered, later := defaultParams(m.Macro)
	// The line a call of ref or source passes (see rewriteTokens) reaches
	// a project's own ref or source macro; one without **kwargs to pass it
	// on to builtins.ref does not take it.
	dropLine := m.Macro.KwArgsName == ""
	for _, p := range m.Macro.Kwargs {
		if k, ok := p.Key.(*nodes.String); ok && k.Val == lineKwarg {
			dropLine = false
		}
	}
	// Where the macro is written, for errors in the SQL it produces: a
	// macro file's, or the file being rendered for a macro a model defines.
	file, line := e.defining, 0
	if file == "" {
		file = e.curPath
	}
	if m.Macro.Location != nil {
		line = m.Macro.Location.Line
	}
	info := &macroInfo{name: name, pkg: e.definingPkg}
	fn := macroFn(func(params *exec.VarArgs) *exec.Value {
		if params == nil {
			return exec.AsValue(info)
		}
		if err := e.tick(r.Output); err != nil {
			return exec.AsValue(err)
		}
		for _, a := range params.Args {
			if tooLong(a) {
				return exec.AsValue(e.fail(errTooLong.Error(), ""))
			}
		}
		for _, a := range params.KwArgs {
			if tooLong(a) {
				return exec.AsValue(e.fail(errTooLong.Error(), ""))
			}
		}
		if _, ok := params.KwArgs[lineKwarg]; ok && dropLine {
			kw := make(map[string]*exec.Value, len(params.KwArgs))
			for k, v := range params.KwArgs {
				if k != lineKwarg {
					kw[k] = v
				}
			}
			params = &exec.VarArgs{Args: params.Args, KwArgs: kw}
		}
		if len(e.frames) >= maxMacroDepth {
			return exec.AsValue(fmt.Errorf("macro %q called itself more than %d times deep", name, maxMacroDepth))
		}
		// The macro a {% call %} block invokes receives its caller;
		// gonja's macro binds it from the defining renderer's context.
		if caller := e.pendingCaller; caller != nil {
			e.pendingCaller = nil
			r.Environment.Context.Set("__gonja_caller__", caller)
		}
		if ordered {
			bound, err := bindDefaults(r, m.Macro, later, params)
			if err != nil {
				return exec.AsValue(e.fail(err.Error(), "pass that argument, or name only earlier parameters and variables in a default"))
			}
			params = bound
		}
		frame := &returnFrame{}
		out := e.callBody(body, params, frame)
		if frame.set {
			out = frame.value
		}
		if c := e.cur; c != nil && c.MacroOutput != nil && out != nil && out.IsString() {
			c.MacroOutput(MacroOutput{Macro: name, File: file, Line: line, Text: out.String()})
		}
		return out
	})
	if contextValues[name] && e.defining != "" {
		// A macro file's macro named model (this, target...) is not a
		// bare name of the file's other macros: dbt compiles each macro
		// alone, and there model is the node's. defineMacros takes it.
		e.hiddenDefs[name] = fn
		return nil
	}
	r.Environment.Context.Set(name, fn)
	return nil
}

// macroFn is a macro of a project, a package or dbt's global project, as
// dbt's context holds it: a MacroGenerator, which calls like a function
// and has the macro's node as .macro (name, unique_id, package_name) and
// get_name(); Jinja2's own attributes of a macro (.name, .arguments) are
// not on it, so they are undefined, as in dbt. Called with nil arguments
// it returns its *macroInfo (a function type cannot hold a field), which
// costs a call one comparison.
type macroFn func(*exec.VarArgs) *exec.Value

// macroInfo is what a macroFn knows of itself.
type macroInfo struct{ name, pkg string }

func (m macroFn) info() *macroInfo {
	i, _ := m(nil).Interface().(*macroInfo)
	return i
}

func (m macroFn) GetAttribute(attr string) (*exec.Value, bool) {
	info := m.info()
	if info == nil {
		return exec.AsValue(nil), false
	}
	switch attr {
	case "macro":
		return exec.AsValue(macroNode{info}), true
	case "get_name":
		return exec.AsValue(func(*exec.VarArgs) *exec.Value { return exec.AsValue(info.name) }), true
	}
	return exec.AsValue(nil), false
}

// macroNode is dbt's node of a macro, a MacroGenerator's .macro.
type macroNode struct{ *macroInfo }

func (m macroNode) GetAttribute(attr string) (*exec.Value, bool) {
	switch attr {
	case "name":
		return exec.AsValue(m.name), true
	case "package_name":
		return exec.AsValue(m.pkg), true
	case "unique_id":
		return exec.AsValue("macro." + m.pkg + "." + m.name), true
	case "resource_type":
		return exec.AsValue("macro"), true
	}
	return exec.AsValue(nil), false
}

// callBody runs a macro's body in frame; a return() in it ends it early.
func (e *Env) callBody(body exec.Macro, params *exec.VarArgs, frame *returnFrame) (out *exec.Value) {
	depth := len(e.frames)
	e.frames = append(e.frames, frame)
	defer func() {
		e.frames = e.frames[:depth]
		if p := recover(); p != nil {
			if r, ok := p.(returned); !ok || r.frame != frame {
				panic(p)
			}
		}
	}()
	return body(params)
}

// returnFn is dbt's return(value).
func (e *Env) returnFn(args *exec.VarArgs) (*exec.Value, error) {
	if len(e.frames) == 0 {
		return nil, e.fail("return() is only allowed inside a macro", "")
	}
	f := e.frames[len(e.frames)-1]
	f.set = true
	f.value = noneValue()
	if len(args.Args) > 0 {
		f.value = args.Args[0]
	}
	panic(returned{f})
}

// MacroOutput is the text one macro call produced, so that a problem in the
// SQL it became can name the macro's file and line.
type MacroOutput struct {
	Macro string
	File  string
	Line  int // line of the {% macro %} tag in File
	Text  string
}

// SourceOf is the text of a file the Env parsed (a macro file, a model);
// "" when it has not parsed it.
func (e *Env) SourceOf(path string) string { return e.parsed[path].source }
