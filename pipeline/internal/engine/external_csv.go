package engine

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"fmt"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/jinja"
	"github.com/nexus-playground/nexus/pipeline/internal/project"
	"github.com/nexus-playground/nexus/pipeline/internal/seed"
	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

// externalCSV tells whether cfg is dbt-duckdb's external materialization
// of a DuckDB model writing a CSV file (csvFormat), and its delimiter.
func (r *runner) externalCSV(cfg project.Config) (delim rune, ok bool) {
	if r.plan.dialect != dialect.DuckDB || cfg.Materialized != "external" {
		return 0, false
	}
	return csvFormat(cfg)
}

// csvFormat tells whether dbt-duckdb's external materialization of cfg
// writes a CSV file (externalFormat), and its delimiter (0: a comma).
// Its view reads the file back with DuckDB's CSV reader, which types the
// columns again from the text; parquet keeps the types. ok is false as
// well for options the read-back here does not follow (no header, another
// quote or NULL text), whose model keeps its types.
func csvFormat(cfg project.Config) (delim rune, ok bool) {
	opts, _ := cfg.Extra["options"].(map[string]any)
	get := func(k string) string { return externalOption(cfg, k) }
	d := strings.Trim(cmp.Or(get("delimiter"), get("delim"), get("sep")), "'")
	if externalFormat(cfg) != "csv" {
		return 0, false
	}
	for k, v := range opts {
		switch strings.ToLower(k) {
		case "format", "delimiter", "delim", "sep", "compression", "codec", "per_thread_output", "overwrite", "overwrite_or_ignore":
		case "header":
			if h := strings.ToLower(fmt.Sprint(v)); h != "1" && h != "true" {
				return 0, false
			}
		default:
			return 0, false
		}
	}
	if d == "" || d == "," {
		return 0, true
	}
	r, n := utf8.DecodeRuneInString(d)
	if n != len(d) || r == '"' || r == '\n' || r == '\r' {
		return 0, false // DuckDB's multi-byte delimiters, the quote
	}
	return r, true
}

// externalOption is the model's setting k of its external file: the
// config's own key, else the same key of its options, else "".
func externalOption(cfg project.Config, k string) string {
	if v, ok := cfg.Extra[k]; ok && v != nil {
		return fmt.Sprint(v)
	}
	opts, _ := cfg.Extra["options"].(map[string]any)
	if v, ok := opts[k]; ok && v != nil {
		return fmt.Sprint(v)
	}
	return ""
}

// externalFormat is the format of the file dbt-duckdb's external
// materialization of cfg writes, as dbt-duckdb chooses it: the format
// configured (format, or options' format), else the location's extension,
// else csv when a delimiter is given, else parquet.
func externalFormat(cfg project.Config) string {
	get := func(k string) string { return externalOption(cfg, k) }
	if format := strings.ToLower(strings.TrimSpace(get("format"))); format != "" {
		return format
	}
	if ext := path.Ext(get("location")); ext != "" {
		return strings.ToLower(ext[1:])
	}
	if get("delimiter") != "" {
		return "csv"
	}
	return "parquet"
}

// reloadExternalCSV makes the table of an external model writing a CSV
// file (externalCSV) what its view reads back: the rows as DuckDB's COPY
// ... TO writes them (a header, each value cast to VARCHAR, NULL an empty
// cell), typed again as read_csv types a project's file (loadCSVWith).
// The file itself is not written: the playground writes no files.
func (r *runner) reloadExternalCSV(m *project.Model, rel jinja.Relation, delim rune) error {
	cols, err := r.db.Columns(r.ctx, rel.Schema, rel.Name)
	if err != nil {
		return err
	}
	casts := make([]string, len(cols))
	for i, c := range cols {
		q := store.Ident(c.Name)
		casts[i] = "cast(" + q + " as varchar) as " + q
	}
	rows, err := r.selectFrom(rel, casts)
	if err != nil {
		return err
	}
	data, err := duckdbCSV(rows, delim)
	if err != nil {
		return err
	}
	if !r.loadCSVWith(m.Path, data, seed.Options{Delimiter: delim}, rel, m.Path, 1) {
		return fmt.Errorf("the rows of %s could not be read back from CSV", m.Name)
	}
	return nil
}

// selectFrom reads the expressions exprs (DuckDB SQL) of every row of rel,
// as an external model's file would hold them.
func (r *runner) selectFrom(rel jinja.Relation, exprs []string) (*store.Rows, error) {
	tr, err := r.translateWith("select "+strings.Join(exprs, ", ")+" from "+rel.String(), func(*diag.Diagnostic, int, int) {})
	if err != nil {
		return nil, err
	}
	return r.db.QueryLast(r.ctx, tr.sql)
}

// duckdbCSV is rows (text or NULL) as DuckDB's COPY ... TO writes a CSV
// file: a header line, NULL as an empty cell, a value quoted where it
// holds the delimiter, a quote or a line break.
func duckdbCSV(rows *store.Rows, delim rune) ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if delim != 0 {
		w.Comma = delim
	}
	if err := w.Write(rows.Columns); err != nil {
		return nil, err
	}
	line := make([]string, len(rows.Columns))
	for _, row := range rows.Rows {
		for i, v := range row {
			switch v := v.(type) {
			case nil:
				line[i] = ""
			case []byte:
				line[i] = string(v)
			default:
				line[i] = fmt.Sprint(v)
			}
		}
		if err := w.Write(line); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return b.Bytes(), w.Error()
}
