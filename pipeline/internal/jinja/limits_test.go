package jinja

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
)

const doubling = "{% macro f(n) %}{% if n > 0 %}{{ f(n-1) }}{{ f(n-1) }}{% endif %}{% endmacro %}\nselect 1 {{ f(60) }}"

// TestRenderLimits: templates that would take for ever, or crash the
// parser, stop with a message at their file and line.
func TestRenderLimits(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		timeout time.Duration
		want    string
	}{
		{"doubling macro", doubling, 0,
			"m.sql:1: the template made more than 20000 macro calls and loop iterations (look for a macro that calls itself more than once, or loops inside loops)"},
		{"doubling macro past the deadline", doubling, 100 * time.Millisecond,
			"m.sql:1: rendering stopped: context deadline exceeded (the time limit was reached or the run was stopped; look for a macro or loop that does too much work)"},
		{"loops inside loops", "select 1\n{% for i in range(100000) %}{% for j in range(100000) %}{% set x = i %}{% endfor %}{% endfor %}", 0,
			"m.sql:2: the template made more than 20000 macro calls and loop iterations (look for a macro that calls itself more than once, or loops inside loops)"},
		{"loops past the deadline", "select 1\n{% for i in range(2000) %}{% for j in range(2000) %}{% set x = i %}{% endfor %}{% endfor %}", 50 * time.Millisecond,
			"m.sql:2: rendering stopped: context deadline exceeded (the time limit was reached or the run was stopped; look for a macro or loop that does too much work)"},
		{"output without end", "select 1\n{% for i in range(20000) %}" + strings.Repeat("x", 2000) + "{% endfor %}", 0,
			"m.sql:2: the template produced more than 32 MiB of text (look for a loop or macro that repeats text without end)"},
		{"text doubling in a loop", "select 1\n{% set ns = namespace(s='x') %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}", 0,
			"m.sql:2: a text value of the template is longer than 32 MiB (look for text that doubles in a loop or a macro)"},
		{"text doubling through a macro's arguments", "{% macro d(s, n) %}{% if n > 0 %}{{ d(s ~ s, n - 1) }}{% endif %}{% endmacro %}select 1\n{{ d('x', 60) }}", 0,
			"m.sql:1: a text value of the template is longer than 32 MiB (look for text that doubles in a loop or a macro)"},
		{"60k nested parentheses", "select 1\n{{ " + strings.Repeat("(", 60000) + "1" + strings.Repeat(")", 60000) + " }}", 0,
			"m.sql:2: the template is nested more than 100 levels deep (split the expression or the blocks into macros)"},
		{"nested lists", "{{ " + strings.Repeat("[", 200) + strings.Repeat("]", 200) + " }}", 0,
			"m.sql:1: the template is nested more than 100 levels deep (split the expression or the blocks into macros)"},
		{"nested ifs", "select 1\n" + strings.Repeat("{% if true %}\n", 150) + strings.Repeat("{% endif %}", 150), 0,
			"m.sql:102: the template is nested more than 100 levels deep (split the expression or the blocks into macros)"},
		{"unary chain", "{{ " + strings.Repeat("not ", 5000) + "true }}", 0,
			"m.sql:1: the template is nested more than 100 levels deep (split the expression or the blocks into macros)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			env, err := NewEnv(nil)
			if err != nil {
				t.Fatal(err)
			}
			if tc.timeout == 0 {
				// the cap's check, not its size, is tested; a case with a
				// deadline keeps the full cap, so that the deadline, never
				// the cap, stops it however fast the machine runs
				env.limits.maxWork = 20_000
			}
			if tc.timeout > 0 {
				ctx, cancel := context.WithTimeout(context.Background(), tc.timeout)
				defer cancel()
				env.SetContext(ctx)
			}
			start := time.Now()
			_, err = env.Render("m.sql", tc.src, &Context{})
			took := time.Since(start)
			if err == nil || err.Error() != tc.want {
				t.Fatalf("got %v\nwant %s", err, tc.want)
			}
			if tc.timeout > 0 && took > tc.timeout+3*time.Second {
				t.Errorf("stopped %v after the deadline", took-tc.timeout)
			}
			t.Logf("%v", took)
		})
	}
	// Within the caps, loops and macros render as before.
	env, _ := NewEnv(nil)
	out, err := env.Render("m.sql", "{% macro g(n) %}{% for i in range(n) %}{{ i }}{% endfor %}{% endmacro %}{{ g(3) }}"+strings.Repeat("(", 50)+"1"+strings.Repeat(")", 50), &Context{})
	if err != nil || out != "012"+strings.Repeat("(", 50)+"1"+strings.Repeat(")", 50) {
		t.Fatalf("got %q, %v", out, err)
	}
}

// FuzzRender: no template crashes the renderer or runs past its deadline;
// every refusal is a diagnostic naming the file.
func FuzzRender(f *testing.F) {
	f.Add("select {{ 1 + 2 }}")
	f.Add("{% for i in range(3) %}{{ i }}{% endfor %}")
	f.Add("{{ '%-5.2f|%s|%(k)s' % (1.5, none) }}{{ '%(k)03d' % {'k': -7 // 2 ** 2} }}")
	f.Add("{% set a, b = 1, 2 %}{% set c | upper %}{{ a % b }}{% endset %}{{ c }}")
	f.Add("{% macro m() %}{{ caller(1, y=2) }}{% endmacro %}{% call(x, y=0) m() %}{{ x / y }}{% endcall %}")
	f.Fuzz(func(t *testing.T, src string) {
		env, err := NewEnv(nil)
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		defer cancel()
		env.SetContext(ctx)
		start := time.Now()
		_, err = env.Render("f.sql", src, &Context{})
		if took := time.Since(start); took > 10*time.Second { // a runaway runs for minutes; slack for a loaded machine
			t.Fatalf("render took %v", took)
		}
		if err != nil {
			var d *diag.Diagnostic
			if !errors.As(err, &d) || d.File != "f.sql" {
				t.Fatalf("refusal is not a diagnostic naming the file: %v", err)
			}
		}
	})
}
