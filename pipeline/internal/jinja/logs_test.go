package jinja

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// What log, print and exceptions.warn write reaches Context.Log, in order,
// from models and macros; the rendered text does not change.
func TestLogMessages(t *testing.T) {
	env, err := NewEnv([]MacroFile{{Path: "macros/m.sql", Source: `{% macro check(n) %}{% if n > 2 %}{% do exceptions.warn('n is ' ~ n) %}{% endif %}{{ n }}{% endmacro %}`}})
	if err != nil {
		t.Fatal(err)
	}
	type msg struct {
		Level LogLevel
		Text  string
	}
	var got []msg
	ctx := testContext()
	ctx.Log = func(level LogLevel, text string) { got = append(got, msg{level, text}) }
	src := `select {{ log('debug only') }}{{ log('shown', info=true) }}{{ log(none, true) }}{{ print('a', 1, [2], sep='|') }}{{ check(3) }}{{ check(1) }}`
	out, err := env.Render("models/m.sql", src, ctx)
	if err != nil {
		t.Fatal(err)
	}
	if out != "select 31" {
		t.Errorf("output %q, want %q", out, "select 31")
	}
	want := []msg{{LogInfo, "shown"}, {LogInfo, "None"}, {LogPrint, "a|1|[2]"}, {LogWarn, "n is 3"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("messages (-want +got):\n%s", diff)
	}
	// Without a Log callback the calls still render.
	ctx.Log = nil
	if _, err := env.Render("models/m.sql", src, ctx); err != nil {
		t.Fatal(err)
	}
}
