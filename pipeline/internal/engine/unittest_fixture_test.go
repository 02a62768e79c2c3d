package engine

import (
	"slices"
	"testing"
)

func TestFixtureColumnTypes(t *testing.T) {
	cases := []struct {
		name string
		in   []string
		want []string
	}{
		{"bigquery scalars", []string{"STRING", "INT64", "FLOAT64", "BOOL", "DATE", "NUMERIC"}, []string{"TEXT", "INTEGER", "REAL", "INTEGER", "TEXT", "REAL"}},
		{"nested types have none", []string{"ARRAY<STRUCT<key STRING, value INT64>>", "STRUCT<`a` INT64>", "ARRAY<STRING>"}, []string{"", "", ""}},
		{"snowflake", []string{"VARCHAR(16777216)", "NUMBER(38,0)", "TIMESTAMP_NTZ"}, []string{"TEXT", "INTEGER", "TEXT"}},
		{"unknown plain words kept", []string{"TEXT", "", "MYTYPE"}, []string{"TEXT", "", "MYTYPE"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := fixtureColumnTypes(c.in); !slices.Equal(got, c.want) {
				t.Errorf("fixtureColumnTypes(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}
