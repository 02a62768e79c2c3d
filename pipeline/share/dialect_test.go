package share

import (
	"os"
	"strings"
	"testing"
)

// The page's dialect choice travels with the link, full or sample-relative,
// and a link naming an unknown warehouse is refused.
func TestDialectRoundTrip(t *testing.T) {
	samples := os.DirFS(samplesDir)
	base, err := LoadSample(samples, "quickstart")
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range []*Base{nil, base} {
		for _, d := range []string{"", "bigquery", "snowflake", "duckdb", "sqlite"} {
			frag, err := Encode(Project{Files: base.Files, Dialect: d}, b)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Decode(frag, samples)
			if err != nil {
				t.Fatal(err)
			}
			if got.Dialect != d {
				t.Errorf("base %v: dialect %q came back as %q", b != nil, d, got.Dialect)
			}
		}
	}
	if _, err := Encode(Project{Files: base.Files, Dialect: "oracle"}, nil); err == nil || !strings.Contains(err.Error(), `unknown dialect "oracle"`) {
		t.Errorf("encoding an unknown dialect: %v", err)
	}
	bad := link("p1.", "-- models/a.sql --\nselect 1\n-- .dialect --\npostgres\n")
	if _, err := Decode(bad, nil); err == nil || !strings.Contains(err.Error(), `unknown dialect "postgres": use one of bigquery, snowflake, duckdb, sqlite`) {
		t.Errorf("decoding an unknown dialect: %v", err)
	}
	two := link("p1.", "-- models/a.sql --\nselect 1\n-- .dialect --\nduckdb\n-- .dialect --\nduckdb\n")
	if _, err := Decode(two, nil); err == nil || !strings.Contains(err.Error(), "two .dialect sections") {
		t.Errorf("decoding two dialects: %v", err)
	}
}
