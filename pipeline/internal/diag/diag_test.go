package diag

import (
	"errors"
	"fmt"
	"testing"
)

func TestErrorText(t *testing.T) {
	for _, c := range []struct {
		d    Diagnostic
		want string
	}{
		{Diagnostic{Message: "boom"}, "boom"},
		{Diagnostic{File: "models/a.sql", Message: "boom"}, "models/a.sql: boom"},
		{Diagnostic{File: "models/a.sql", Line: 3, Message: "boom"}, "models/a.sql:3: boom"},
		{Diagnostic{File: "models/a.sql", Line: 3, Col: 7, Message: "boom", Hint: "fix it"}, "models/a.sql:3:7: boom (fix it)"},
		// A column without a line is not printed: "file:0:7" would point nowhere.
		{Diagnostic{File: "models/a.sql", Col: 7, Message: "boom"}, "models/a.sql: boom"},
	} {
		if got := c.d.Error(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.d, got, c.want)
		}
	}
	d := Errorf("dbt_project.yml", 4, "vars.%s: bad", "x").WithHint("write %d", 5)
	if d.Severity != Error || d.Error() != "dbt_project.yml:4: vars.x: bad (write 5)" {
		t.Errorf("Errorf/WithHint: %+v", d)
	}
}

func TestFrom(t *testing.T) {
	plain := errors.New("no such column: x")
	if d := From(plain, "models/a.sql", 2); d.Error() != "models/a.sql:2: no such column: x" || d.Severity != Error {
		t.Errorf("plain error: %+v", d)
	}
	// A diagnostic without a file gets the file; its own line stays when
	// none is given, and a given line wins.
	inner := &Diagnostic{Severity: Warning, Line: 9, Message: "m"}
	wrapped := fmt.Errorf("render: %w", inner)
	if d := From(wrapped, "models/a.sql", 0); d.File != "models/a.sql" || d.Line != 9 || d.Severity != Warning {
		t.Errorf("line kept: %+v", d)
	}
	if d := From(wrapped, "models/a.sql", 4); d.Line != 4 {
		t.Errorf("line given: %+v", d)
	}
	if inner.File != "" {
		t.Errorf("From changed the diagnostic it was given: %+v", inner)
	}
	// A diagnostic with a file is returned as it is.
	placed := &Diagnostic{File: "macros/m.sql", Line: 1, Message: "m"}
	if d := From(placed, "models/a.sql", 4); d != placed {
		t.Errorf("placed diagnostic: %+v", d)
	}
}

func TestLineOf(t *testing.T) {
	text := "a\nbb\n\nc"
	for _, c := range []struct{ off, line int }{{0, 1}, {1, 1}, {2, 2}, {5, 3}, {6, 4}, {100, 4}} {
		if got := LineOf(text, c.off); got != c.line {
			t.Errorf("LineOf(%d) = %d, want %d", c.off, got, c.line)
		}
	}
}

func TestList(t *testing.T) {
	l := List{Errorf("a.sql", 1, "one"), Errorf("b.sql", 2, "two")}
	if got := l.Error(); got != "a.sql:1: one\nb.sql:2: two" {
		t.Errorf("List: %q", got)
	}
}
