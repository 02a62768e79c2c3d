package engine

import (
	"fmt"
	"sort"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/project"
	"github.com/nexus-playground/nexus/pipeline/internal/seed"
	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"
)

// columnTypes reads a seed's column_types config (dbt_project.yml's
// +column_types and the seed's properties, merged as dbt merges them): the
// types are the warehouse's, stored as SQLite holds them.
// A column named with no type (`col:` alone) is left out: dbt reads the
// types of the CSV's columns only, so such an entry counts only for a
// column the seed has (untyped holds those, which its caller refuses).
func (r *runner) columnTypes(s *project.Seed) (declared map[string]seed.Declared, untyped []string, err error) {
	raw, ok := s.Config.Extra["column_types"]
	if !ok || raw == nil {
		return nil, nil, nil
	}
	m, ok := raw.(map[string]any)
	if !ok {
		return nil, nil, diag.Errorf(s.Path, 0, "column_types of seed %s must map column names to types, got %v", s.Name, raw).
			WithHint("write +column_types: {zip_code: varchar(5)} under seeds: in dbt_project.yml")
	}
	out := make(map[string]seed.Declared, len(m))
	for _, col := range sortedKeys(m) {
		v := m[col]
		if v == nil {
			untyped = append(untyped, col)
			continue
		}
		typ := fmt.Sprint(v)
		if dialect.StorageInterval(r.plan.dialect, typ) {
			// each cell written as the dialect writes an interval
			d := string(r.plan.dialect)
			out[col] = seed.Declared{Affinity: "TEXT", Type: typ, Timestamp: func(cell string) (string, bool) { return sqlfunc.CanonicalInterval(cell, d) }}
			continue
		}
		decl, ok := declaredType(r.plan.dialect, typ)
		if !ok {
			return nil, nil, diag.Errorf(s.Path, 0, "column_types of seed %s: %s has type %q, which the playground cannot store", s.Name, col, typ).
				WithHint("use a text, integer, numeric, boolean, date or timestamp type (or, in DuckDB and BigQuery, interval)")
		}
		out[col] = decl
	}
	return out, untyped, nil
}

// untypedColumn is the error for a column_types entry with no type that
// names a column the seed has, "" when none does.
func untypedColumn(s *project.Seed, untyped, columns []string) error {
	for _, col := range untyped {
		for _, c := range columns {
			if strings.EqualFold(c, col) {
				return diag.Errorf(s.Path, 0, "column_types of seed %s: %s has no type", s.Name, col).
					WithHint("give it a type, or leave it out of column_types")
			}
		}
	}
	return nil
}

// declaredType is how a seed's column of type typ is stored.
func declaredType(d dialect.Dialect, typ string) (seed.Declared, bool) {
	aff, boolean, ok := dialect.Storage(typ)
	if !ok {
		return seed.Declared{}, false
	}
	decl := seed.Declared{Affinity: aff, Boolean: boolean, Type: typ, Float32: dialect.Float32Type(d, typ)}
	if n, ok := dialect.SnowflakeVarcharLength(dialect.SnowflakeFullType(typ)); ok && d == dialect.Snowflake {
		decl.Length = n // VARCHAR(n)
	}
	if dialect.StorageKeepsOffset(d, typ) {
		decl.Timestamp = func(cell string) (string, bool) {
			c, err := sqlfunc.CanonicalZonedTimestamp(cell)
			return c, err == nil
		}
	} else if kind := dialect.StorageTimestamp(d, typ); kind != "" {
		decl.Timestamp = func(cell string) (string, bool) {
			c, err := sqlfunc.CanonicalTimestamp(cell, kind, string(d))
			return c, err == nil
		}
	}
	return decl, true
}

// seedNulls are the cells a seed loads as NULL: dbt-duckdb (COPY) and
// dbt-bigquery (a load job) have the warehouse read the CSV file, where
// only an empty cell is NULL; the other adapters insert the rows of dbt's
// agate table, where a cell reading null is NULL too. DuckDB's COPY fails
// on such a cell where dbt's type tester inferred a type other than text
// (checked on DuckDB); BigQuery's load job reads a blank cell of such a
// column as NULL (a seed with one loads in dbt-bigquery's CI of packages
// that cast it), while null there is not known here and stays text.
func seedNulls(d dialect.Dialect) seed.Nulls {
	switch d {
	case dialect.DuckDB:
		return seed.CopyNulls
	case dialect.BigQuery:
		return seed.BlankNulls
	}
	return seed.AgateNulls
}

// seedDatetime is the type dbt gives a seed's column of datetimes it
// infers (its adapters' convert_datetime_type): BigQuery's DATETIME,
// Snowflake's TIMESTAMP_NTZ, DuckDB's TIMESTAMP; nil in SQLite, where
// they stay text.
func seedDatetime(d dialect.Dialect) *seed.Declared {
	typ := map[dialect.Dialect]string{dialect.BigQuery: "datetime", dialect.Snowflake: "timestamp_ntz", dialect.DuckDB: "timestamp"}[d]
	if typ == "" {
		return nil
	}
	decl, _ := declaredType(d, typ)
	return &decl
}

// checkColumnTypes warns about column_types naming a column the seed does
// not have: dbt ignores them without a word.
func (r *runner) checkColumnTypes(s *project.Seed, t *seed.Table, declared map[string]seed.Declared) {
	have := map[string]bool{}
	for _, c := range t.Columns {
		have[strings.ToLower(c)] = true
	}
	var missing []string
	for c := range declared {
		if !have[strings.ToLower(c)] {
			missing = append(missing, c)
		}
	}
	sort.Strings(missing)
	for _, c := range missing {
		r.res.Diagnostics = append(r.res.Diagnostics, diag.Diagnostic{Severity: diag.Warning, File: s.Path, Line: 1,
			Message: fmt.Sprintf("column_types names column %s, which seed %s does not have: it is ignored", c, s.Name),
			Hint:    "check the column's spelling against the CSV header"})
	}
}

// seedDelimiter is a seed's delimiter config: the one character that
// separates its cells, a comma when not set.
func seedDelimiter(s *project.Seed) (rune, error) {
	v, ok := s.Config.Extra["delimiter"]
	if !ok || v == nil {
		return 0, nil
	}
	d, _ := v.(string)
	if r := []rune(d); len(r) == 1 && r[0] != '"' && r[0] != '\n' && r[0] != '\r' {
		return r[0], nil
	}
	return 0, diag.Errorf(s.Path, 1, "seed %s: delimiter %q is not one character", s.Name, fmt.Sprint(v)).
		WithHint("set delimiter to the one character between the cells, e.g. \";\" or \"|\"")
}
