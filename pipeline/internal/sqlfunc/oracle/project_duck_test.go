package oracle

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/nexus-playground/nexus/pipeline"
	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
)

// replayOnDuck runs the build's steps on DuckDB in the order the build
// ran them: hooks, models and the statements macros ran with run_query
// from their rendered SQL, seeds loaded from
// their files with the types our build gave their columns (else from our
// tables), data tests counted as dbt counts their failures and compared
// with ours. It returns the models and seeds whose relations both builds
// made, to compare.
// extensionStatement is DuckDB's INSTALL or LOAD of an extension, at the
// start of a statement.
var extensionStatement = regexp.MustCompile(`(?i)(^|;)\s*(?:force\s+)?(?:install|load)\s+(?:'[^']*'|"[^"]*"|\w+)(?:\s+from\s+\w+)?\s*(?:;|$)`)

func replayOnDuck(ctx context.Context, t *testing.T, ours *pipeline.Session, duck *sql.DB, dir string, steps []ranStep, notDuckDB map[string]string) []ranStep {
	schemas := map[string]bool{"main": true, "temp": true}
	// a path the SQL reads (read_csv('data/x.csv')) is the project's, as
	// dbt runs in its folder
	if abs, err := filepath.Abs(dir); err == nil {
		if _, err := duck.ExecContext(ctx, "SET file_search_path = '"+strings.ReplaceAll(abs, "'", "''")+"'"); err != nil {
			t.Fatal(err)
		}
	}
	for _, st := range steps {
		if db := st.Database; db != "" && !strings.EqualFold(db, "memory") {
			// the rendered SQL names relations in the target's database,
			// which dbt-duckdb's connection uses from its first statement
			// (a hook's macros are made there): an in-memory one of that
			// name (DuckDB's own is memory)
			for _, q := range []string{"ATTACH IF NOT EXISTS ':memory:' AS " + quoteIdent(db), "USE " + quoteIdent(db)} {
				if _, err := duck.ExecContext(ctx, q); err != nil {
					t.Fatal(err)
				}
			}
			break
		}
	}
	var built []ranStep
	var lastSeed ranStep // the seed a source read from a seed reads
	for _, st := range steps {
		if s := strings.ToLower(st.Schema); s != "" && !schemas[s] {
			schemas[s] = true
			if _, err := duck.ExecContext(ctx, "CREATE SCHEMA IF NOT EXISTS "+quoteIdent(st.Schema)); err != nil {
				t.Fatal(err)
			}
		}
		if s := st.Database + "\x00" + st.DBTSchema; st.DBTSchema != "" && !schemas[s] {
			schemas[s] = true
			if _, err := duck.ExecContext(ctx, "CREATE SCHEMA IF NOT EXISTS "+quoteIdent(st.Database)+"."+quoteIdent(st.DBTSchema)); err != nil {
				t.Fatal(err)
			}
		}
		switch st.Kind {
		case "hook":
			if strings.TrimSpace(stripComments(st.SQL)) == "" {
				continue
			}
			// this DuckDB has no network: INSTALL and LOAD of an
			// extension it cannot download are left out, as the engine
			// leaves them out
			hook := st.SQL
			for prev := ""; prev != hook; {
				prev, hook = hook, extensionStatement.ReplaceAllString(hook, "$1")
			}
			if strings.TrimSpace(strings.Trim(stripComments(hook), "; \n\t")) == "" {
				continue
			}
			if _, err := duck.ExecContext(ctx, hook); err != nil {
				t.Errorf("hook of %s: DuckDB cannot run its rendered SQL: %v\n%s", st.Name, err, st.SQL)
			}
		case "query":
			// a statement a macro's run_query ran (a hook inserting rows)
			if _, err := duck.ExecContext(ctx, st.SQL); err != nil {
				t.Errorf("run_query: DuckDB cannot run its SQL: %v\n%s", err, st.SQL)
			}
		case "seed":
			lastSeed = st
			if file := seedFile(t, dir, st.Name); file != "" {
				// as dbt-duckdb loads it: a table of the types dbt infers,
				// which DuckDB's COPY fills from the file
				if copySeed(ctx, t, ours, duck, st, file) {
					built = append(built, st)
				}
				continue
			}
			loadOurTable(ctx, t, ours, duck, st)
		case "source":
			if st.Materialized == "seed" {
				// a source whose rows the seed before gives: the warehouse
				// holds them under the source's name, which its readers'
				// SQL prints (a copy: DuckDB's view binds dbt.dbt.x as
				// ambiguous where the database and the schema are both dbt)
				if from, to := duckName(lastSeed.Rendered), duckName(st.Rendered); !strings.EqualFold(from, to) {
					if _, err := duck.ExecContext(ctx, "CREATE OR REPLACE TABLE "+to+" AS SELECT * FROM "+from); err != nil {
						t.Errorf("source %s: DuckDB cannot read seed %s as it: %v", st.Name, lastSeed.Name, err)
					}
				}
				continue
			}
			// a source table dbt-duckdb reads from a CSV, JSON or Parquet file of
			// the project (its SQL is the file's path there, and the
			// options of read_csv or read_json after a ?): DuckDB's
			// read_csv or read_json reads it, as the file is read where
			// dbt runs
			path, opts, err := dialect.CSVFileOptions(st.SQL)
			if err != nil {
				t.Fatal(err)
			}
			// absolute: DuckDB looks for a glob's files in its file_search_path only
			file, err := filepath.Abs(filepath.Join(dir, filepath.FromSlash(path)))
			if err != nil {
				t.Fatal(err)
			}
			reader := fmt.Sprintf("read_csv('%s'%s)", strings.ReplaceAll(file, "'", "''"), readCSVOptions(opts))
			if ext := strings.ToLower(filepath.Ext(path)); ext == ".json" || ext == ".ndjson" || ext == ".jsonl" {
				// a JSON file, read by DuckDB's JSON reader in the format given
				// in the format given, with the columns given
				format := ""
				if f := opts.Get("format"); f != "" {
					format = ", format = '" + f + "'"
				}
				if cols := opts["column"]; len(cols) > 0 {
					format += readCSVOptions(url.Values{"column": cols})
				}
				reader = fmt.Sprintf("read_json('%s'%s)", strings.ReplaceAll(file, "'", "''"), format)
			}
			if strings.EqualFold(filepath.Ext(path), ".parquet") {
				reader = fmt.Sprintf("read_parquet('%s')", strings.ReplaceAll(file, "'", "''"))
			}
			if _, err := duck.ExecContext(ctx, fmt.Sprintf("CREATE OR REPLACE TABLE %s AS SELECT * FROM %s", duckName(st.Rendered), reader)); err != nil {
				t.Errorf("source %s: DuckDB cannot read its file %s: %v", st.Name, file, err)
				continue
			}
			built = append(built, st)
		case "test":
			// dbt counts a test's failures on the warehouse as
			// select <fail_calc> from (<its SQL>) dbt_internal_test
			calc := "count(*)"
			if st.FailCalc != "" {
				calc = st.FailCalc
			}
			var n sql.NullFloat64
			q := "SELECT " + calc + " FROM (\n" + strings.TrimRight(strings.TrimSpace(st.SQL), ";") + "\n) dbt_internal_test"
			if err := duck.QueryRowContext(ctx, q).Scan(&n); err != nil {
				t.Errorf("test %s: DuckDB cannot run its rendered SQL: %v\n%s", st.Name, err, st.SQL)
			} else if int64(n.Float64) != st.Failures {
				t.Errorf("test %s: %d failures on DuckDB, %d ours\n%s", st.Name, int64(n.Float64), st.Failures, st.SQL)
			}
		case "snapshot":
			// A snapshot stamps its rows with the time it ran.
			t.Logf("snapshot %s: DuckDB reads our table", st.Name)
			loadOurTable(ctx, t, ours, duck, st)
		case "model":
			for i, name := range st.names {
				t.Logf("model %s: its identity components are resolved in Go; DuckDB reads our temp.%s", st.Name, name)
				loadTable(ctx, t, duck, "temp."+quoteIdent(name), st.temps[i], nil)
			}
			_, err := duck.ExecContext(ctx, createStatement(st.Rendered))
			why, listed := notDuckDB[st.Name]
			switch {
			case err == nil && listed:
				t.Errorf("model %s is listed as SQL DuckDB cannot run (%s), but DuckDB runs it", st.Name, why)
			case err != nil && listed:
				t.Logf("model %s: %s (DuckDB: %v); DuckDB reads our table", st.Name, why, firstLine(err))
			case err != nil:
				t.Errorf("model %s: DuckDB cannot run its rendered SQL: %v\n%s", st.Name, err, st.SQL)
			}
			if err != nil {
				if st.Materialized != "ephemeral" {
					loadOurTable(ctx, t, ours, duck, st)
				}
				continue
			}
			if st.CSVDelimiter != "" {
				readBackCSV(ctx, t, duck, st.Rendered)
			}
			if st.JSONFile {
				readBack(ctx, t, duck, st.Rendered, "json", "(FORMAT json)", "read_json_auto")
			}
			if st.Materialized != "ephemeral" {
				built = append(built, st)
			}
		}
	}
	return built
}

// seedFile finds the CSV file of seed name under the project's seeds/
// folder ("" when there is none there).
func seedFile(t *testing.T, dir, name string) string {
	var found string
	for _, folder := range seedPaths(dir) {
		if found = seedFileIn(t, filepath.Join(dir, folder), name); found != "" {
			break
		}
	}
	return found
}

// seedPaths are the project's seed-paths (dbt_project.yml), ["seeds"]
// unless it names others.
func seedPaths(dir string) []string {
	b, _ := os.ReadFile(filepath.Join(dir, "dbt_project.yml"))
	var items []string
	if m := regexp.MustCompile(`(?m)^seed-paths:\s*\[([^\]]*)\]`).FindSubmatch(b); m != nil {
		items = strings.Split(string(m[1]), ",")
	} else if m := regexp.MustCompile(`(?m)^seed-paths:[ \t]*\n((?:[ \t]+-[^\n]*\n?)+)`).FindSubmatch(b); m != nil {
		// a block list: - data
		for _, line := range strings.Split(strings.TrimSpace(string(m[1])), "\n") {
			items = append(items, strings.TrimPrefix(strings.TrimSpace(line), "-"))
		}
	}
	if items == nil {
		return []string{"seeds"}
	}
	var out []string
	for _, p := range items {
		out = append(out, strings.Trim(strings.TrimSpace(p), `"'`))
	}
	return out
}

func seedFileIn(t *testing.T, folder, name string) string {
	var found string
	err := filepath.WalkDir(folder, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && d.Name() == name+".csv" && found == "" {
			found = p
		}
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	return found
}

// copySeed creates a seed's table with the types our build gave its
// columns, as dbt-duckdb creates it from the types dbt infers, and has
// DuckDB's COPY read the file into it, as dbt-duckdb does.
// It tells whether our build has the seed's table: a hook may have
// dropped it.
func copySeed(ctx context.Context, t *testing.T, ours *pipeline.Session, duck *sql.DB, st ranStep, file string) bool {
	tab, err := ours.Query(ctx, "SELECT * FROM "+relName(st.Rendered)+" LIMIT 0", 0)
	if err != nil && strings.Contains(err.Error(), "no such table") {
		t.Logf("seed %s: our build has no table of it (a hook dropped it): %v", st.Name, err)
		return false
	}
	if err != nil {
		t.Fatalf("seed %s: %v", st.Name, err)
	}
	cols := make([]string, len(tab.Columns))
	for i, c := range tab.Columns {
		typ := duckType(st.Types[strings.ToLower(c)], tab.Types[i])
		if full := st.Types[dialect.FullTypePrefix+strings.ToLower(c)]; dialect.DuckDBIntegerType(full) != "" {
			typ = full // the integer's width: a seed's INTEGER, as dbt creates it
		}
		cols[i] = quoteIdent(c) + " " + typ
	}
	if _, err := duck.ExecContext(ctx, fmt.Sprintf("CREATE OR REPLACE TABLE %s (%s)", duckName(st.Rendered), strings.Join(cols, ", "))); err != nil {
		t.Fatalf("seed %s: %v", st.Name, err)
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := duck.ExecContext(ctx, fmt.Sprintf("COPY %s FROM '%s' (FORMAT CSV, HEADER TRUE)", duckName(st.Rendered), strings.ReplaceAll(abs, "'", "''"))); err != nil {
		t.Errorf("seed %s: DuckDB's COPY cannot read it into the types our build gave it (%s): %v", st.Name, strings.Join(cols, ", "), err)
	}
	return true
}

// createStatement makes a model's relation from its rendered SQL: an
// ephemeral model's temporary view (which the SQL that names it rather
// than taking its CTE reads), else a table (incremental models build in
// full on a first run). A view is made a table too: our render writes
// main's relations bare where dbt-duckdb qualifies them, and DuckDB binds
// a view's bare names in the view's own schema but a table's in main, as
// the qualified name would be.
func createStatement(r pipeline.Rendered) string {
	body := strings.TrimRight(strings.TrimSpace(r.SQL), ";")
	if r.Materialized == "ephemeral" {
		return fmt.Sprintf("CREATE OR REPLACE TEMP VIEW %s AS\n%s\n", quoteIdent(r.Relation), body)
	}
	return fmt.Sprintf("CREATE OR REPLACE TABLE %s AS\n%s\n", duckName(r), body)
}

// readBackCSV makes the table of a DuckDB external model written as CSV
// what dbt-duckdb's view of it reads: the rows written by COPY ... TO a CSV
// file with a header and the model's delimiter, read back by DuckDB's CSV
// reader, which types the columns again from the text.
func readBackCSV(ctx context.Context, t *testing.T, duck *sql.DB, r pipeline.Rendered) {
	file := strings.ReplaceAll(filepath.Join(t.TempDir(), r.Relation+".csv"), "'", "''")
	delim := strings.ReplaceAll(r.CSVDelimiter, "'", "''")
	for _, q := range []string{
		fmt.Sprintf("COPY %s TO '%s' (FORMAT csv, HEADER 1, DELIMITER '%s')", duckName(r), file, delim),
		fmt.Sprintf("CREATE OR REPLACE TABLE %s AS SELECT * FROM read_csv_auto('%s')", duckName(r), file),
	} {
		if _, err := duck.ExecContext(ctx, q); err != nil {
			t.Fatalf("model %s: %s: %v", r.Name, q, err)
		}
	}
}

// readBack writes the table of an external model to a file of format ext
// with COPY's options and has reader read it back into the table, as
// dbt-duckdb's view of the file reads it.
func readBack(ctx context.Context, t *testing.T, duck *sql.DB, r pipeline.Rendered, ext, options, reader string) {
	file := strings.ReplaceAll(filepath.Join(t.TempDir(), r.Relation+"."+ext), "'", "''")
	for _, q := range []string{
		fmt.Sprintf("COPY %s TO '%s' %s", duckName(r), file, options),
		fmt.Sprintf("CREATE OR REPLACE TABLE %s AS SELECT * FROM %s('%s')", duckName(r), reader, file),
	} {
		if _, err := duck.ExecContext(ctx, q); err != nil {
			t.Fatalf("model %s: %s: %v", r.Name, q, err)
		}
	}
}

// relName is the relation in our SQLite.
func relName(r pipeline.Rendered) string { return quoteIdent(r.Schema) + "." + quoteIdent(r.Relation) }

// duckName is the relation in DuckDB, as dbt-duckdb names it and the
// rendered SQL reads it: the target's database and dbt's schema.
func duckName(r pipeline.Rendered) string {
	if r.Database == "" || r.DBTSchema == "" {
		return relName(r)
	}
	return quoteIdent(r.Database) + "." + quoteIdent(r.DBTSchema) + "." + quoteIdent(r.Relation)
}

// loadOurTable copies the relation our build made into DuckDB.
func loadOurTable(ctx context.Context, t *testing.T, ours *pipeline.Session, duck *sql.DB, st ranStep) {
	tab, err := ours.Query(ctx, "SELECT * FROM "+relName(st.Rendered), 0)
	if err != nil {
		t.Fatalf("%s %s: %v", st.Kind, st.Name, err)
	}
	loadTable(ctx, t, duck, duckName(st.Rendered), tab, st.Types)
}

// loadTable creates rel in DuckDB with tab's columns and rows. A column's
// type is the static type our build keeps for it, else SQLite's.
func loadTable(ctx context.Context, t *testing.T, duck *sql.DB, rel string, tab *pipeline.Table, static map[string]string) {
	cols := make([]string, len(tab.Columns))
	marks := make([]string, len(tab.Columns))
	for i, c := range tab.Columns {
		typ := duckType(static[strings.ToLower(c)], tab.Types[i])
		if full := static[dialect.FullTypePrefix+strings.ToLower(c)]; dialect.DuckDBIntegerType(full) != "" {
			typ = full // the integer's width (a seed's INTEGER)
		}
		cols[i] = quoteIdent(c) + " " + typ
		marks[i] = "?"
	}
	temp := ""
	if name, ok := strings.CutPrefix(rel, "temp."); ok {
		temp, rel = "TEMP ", name
	}
	if _, err := duck.ExecContext(ctx, fmt.Sprintf("CREATE OR REPLACE %sTABLE %s (%s)", temp, rel, strings.Join(cols, ", "))); err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
	if len(tab.Rows) == 0 {
		return
	}
	tx, err := duck.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	ins, err := tx.PrepareContext(ctx, fmt.Sprintf("INSERT INTO %s VALUES (%s)", rel, strings.Join(marks, ", ")))
	if err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
	defer ins.Close()
	for _, row := range tab.Rows {
		if _, err := ins.ExecContext(ctx, row...); err != nil {
			// a value DuckDB's type cannot hold (our BIGINT that
			// overflowed into a real) fails that table, not the run
			t.Errorf("%s: row %v: %v", rel, row, err)
			return
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

// duckType is the DuckDB type of a column our build keeps with static
// type static (dialect/statictypes.go) and that SQLite declares decl.
func duckType(static, decl string) string {
	if num, ok := strings.CutPrefix(static, "NUMBER "); ok {
		switch {
		case num == "INTEGER":
			return "BIGINT"
		case num == "FLOAT":
			return "FLOAT"
		case strings.HasPrefix(num, "DECIMAL "):
			return "DECIMAL(18, " + strings.TrimPrefix(num, "DECIMAL ") + ")"
		}
		return "DOUBLE"
	}
	switch static {
	case "DATETIME":
		return "TIMESTAMP"
	case "TIMESTAMP":
		return "TIMESTAMPTZ"
	case "DATE", "BOOLEAN", "INTERVAL", "TIME", "VARCHAR":
		return static
	}
	switch strings.ToUpper(decl) {
	case "INTEGER", "INT", "BIGINT":
		return "BIGINT"
	case "REAL", "FLOAT", "DOUBLE":
		return "DOUBLE"
	case "BLOB":
		return "BLOB"
	}
	return "VARCHAR"
}

func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// readsTemp tells whether sql names temp.name.
func readsTemp(sqlText, name string) bool {
	return regexp.MustCompile(`(?i)\btemp\s*\.\s*"?` + regexp.QuoteMeta(name) + `\b`).MatchString(sqlText)
}

var lineComment = regexp.MustCompile(`(?m)--.*$`)

func stripComments(s string) string { return lineComment.ReplaceAllString(s, "") }

func firstLine(err error) string {
	line, _, _ := strings.Cut(err.Error(), "\n")
	return line
}

// readCSVOptions writes the options of read_csv a source's file is read
// with (dialect.CSVFileOptions) as DuckDB takes them, each after a comma.
func readCSVOptions(opts url.Values) string {
	quote := func(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
	var out []string
	if opts.Get("header") == "false" {
		out = append(out, "header = false")
	}
	if d := opts.Get("delim"); d != "" {
		out = append(out, "delim = "+quote(d))
	}
	if cols := opts["column"]; len(cols) > 0 {
		var fields []string
		for _, c := range cols {
			at := strings.LastIndex(c, ":")
			fields = append(fields, quote(c[:at])+": "+quote(c[at+1:]))
		}
		out = append(out, "columns = {"+strings.Join(fields, ", ")+"}")
	}
	if names := opts["name"]; len(names) > 0 {
		var q []string
		for _, n := range names {
			q = append(q, quote(n))
		}
		out = append(out, "names = ["+strings.Join(q, ", ")+"]")
	}
	if len(out) == 0 {
		return ""
	}
	return ", " + strings.Join(out, ", ")
}
