package engine

import "testing"

// A line of rendered SQL maps back to the line of the model that wrote
// it, through the lines the two have in the same order.
func TestMapLine(t *testing.T) {
	const model = "select\n    {{ cols() }},\n    x as e,\n    bad(1) as f\nfrom t\nunion all\nselect\n    {{ cols() }},\n    x as e,\n    bad(1) as f\nfrom t"
	const rendered = "select\n    1 as a,\n    2 as b,\n    3 as c,\n    x as e,\n    bad(1) as f\nfrom t\nunion all\nselect\n    1 as a,\n    2 as b,\n    3 as c,\n    x as e,\n    bad(1) as f\nfrom t"
	for _, c := range []struct {
		src, rendered string
		line, want    int
	}{
		{model, rendered, 1, 1},
		{model, rendered, 3, 2}, // a macro's output: its call
		{model, rendered, 5, 3},
		{model, rendered, 6, 4},   // a line written twice: by its place
		{model, rendered, 11, 8},  // the second call
		{model, rendered, 14, 10}, // after the second call
		{model, rendered, 15, 11},
		{model, rendered, 16, 0},
		{"a\n{% for i in [1, 2] %}\nselect {{ i }} as n\n{% endfor %}\nfinal line", "a\n\nselect 1 as n\n\nselect 2 as n\n\nfinal line", 5, 3},
		{"{{ config(x=1) }}\nselect 1", "\nselect 1", 2, 2},
	} {
		if got := mapLine(c.src, c.rendered, c.line); got != c.want {
			t.Errorf("line %d of %q: got %d, want %d", c.line, c.rendered, got, c.want)
		}
	}
}

// A warehouse function's failure names the function: the one line of the
// model calling it is the line; two lines calling it, or none, tell none.
func TestSourceLineOfCall(t *testing.T) {
	for _, c := range []struct {
		src, msg string
		want     int
	}{
		{"select 1 as a,\n  strptime(s, '%d/%m') as t\nfrom x", `strptime: "2024-01-02" does not match the format`, 2},
		{"select 1 as a,\n  STRPTIME (s, '%d/%m') as t\nfrom x", `strptime: "2024-01-02" does not match the format`, 2},
		{"select strptime(a, 'f') as a,\n  strptime(b, 'f') as b\nfrom x", `strptime: "x" does not match the format`, 0},
		{"select 1 as a\n-- strptime(a, 'f')\n, strptime(b, 'f') as b", `strptime: "x" does not match the format`, 3},
		{"select json_extract_path_text(j, 'a') as a\nfrom x", `JSON_EXTRACT_STRING: malformed JSON "{"`, 0},
		{"select my_strptime(a) as a,\n strptime(b, 'f') as b", `strptime: "x" does not match`, 2},
	} {
		if got := sourceLine(c.src, c.msg); got != c.want {
			t.Errorf("%q for %q: got line %d, want %d", c.msg, c.src, got, c.want)
		}
	}
}

// A failure to draw from a sequence names the sequence: the line naming
// it, in any case, is the line.
func TestSourceLineOfSequence(t *testing.T) {
	for _, c := range []struct {
		src, msg string
		want     int
	}{
		{"select 1 as a,\n  nextval('never_made') as id\nfrom x", `Catalog Error: Sequence with name never_made does not exist!`, 2},
		{"select 1 as a,\n  nextval('small') as id\nfrom x", `Sequence Error: nextval: reached maximum value of sequence "small" (2)`, 2},
		{"select 1 as a,\n  analytics.keys.nextval as id\nfrom x", `SQL compilation error: Object 'KEYS' does not exist or not authorized.`, 2},
	} {
		if got := sourceLine(c.src, c.msg); got != c.want {
			t.Errorf("%q for %q: got line %d, want %d", c.msg, c.src, got, c.want)
		}
	}
}

// A column SQLite does not know is looked up by its name on the lines of
// the model's SQL, a comment naming the word aside.
func TestSourceLineOfColumn(t *testing.T) {
	for _, c := range []struct {
		src, msg string
		want     int
	}{
		{"select\n    -- development month\n    datediff(month, a, b) as m\nfrom t", "no such column: month", 3},
		{"select a, -- the month\n    month as m\nfrom t", "no such column: month", 2},
		{"select\n    {{ col('month') }} as m,\n    month as n\nfrom t", "no such column: month", 3},
		{"select 1 as a\nfrom {{ ref('month') }}", "no such table: month", 2},
		// a quoted name the message gives folded: the dotted name in any
		// case, before a column named like its last part
		{"select\n  product_name\nfrom `ds.Product_Name`", "no such table: ds.product_name", 3},
		{"with f as (\n  select *\n  from\n    `ds.Data_Raw`\n)\nselect a from f", "no such table: ds.data_raw", 4},
	} {
		if got := sourceLine(c.src, c.msg); got != c.want {
			t.Errorf("%q for %q: got line %d, want %d", c.msg, c.src, got, c.want)
		}
	}
}
