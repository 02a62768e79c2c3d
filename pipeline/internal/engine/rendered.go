package engine

import (
	"cmp"
	"maps"
)

// Rendered is one node or hook a build ran, as Options.Rendered receives
// it: for a model, a data test or a hook, the SQL rendered for the
// warehouse before its translation to SQLite, which is what the warehouse itself would run (the
// DuckDB oracle runs it there and compares the tables).
type Rendered struct {
	// seed, model, snapshot, hook, test, or query: a statement a macro's
	// run_query ran that wrote to the database; or source, a source table
	// read from a CSV file of the project, whose path SQL is, or (with
	// Materialized "seed") one whose rows the seed reported just before
	// gives, Relation being its identifier
	Kind string
	Name string
	// Schema and Name of the relation built ("" for a hook); an ephemeral
	// model's is temp.__dbt__cte__<alias or name>.
	Schema, Relation string
	// Database and DBTSchema name the relation as dbt does on the
	// warehouse (the target's database, this.schema), which the rendered
	// SQL of the nodes reading it prints; "" for a temporary relation.
	Database, DBTSchema string
	Materialized        string
	// SQL is a model's, a data test's (its failing rows), a hook's or a
	// query's rendered SQL, the ephemeral models it refs put in as CTEs; "" for a
	// seed and a snapshot.
	SQL string
	// Failures is a data test's failures as the build counted them (before
	// its limit config): its rows, or with a fail_calc config (FailCalc,
	// "" without) that expression over them.
	Failures int64
	FailCalc string
	// InGo says the render computed part of the model in Go (identity
	// resolution): its SQL reads a table only the engine writes.
	InGo bool
	// Types are the static types the build keeps for the relation's
	// columns (lower-case names; statictypes.go), where it knows them.
	Types map[string]string
	// CSVDelimiter is, for a DuckDB external model written to a CSV file
	// and read back from it (externalCSV), the file's delimiter; "" for
	// any other node.
	CSVDelimiter string
	// JSONFile tells that the node is a DuckDB external model written to
	// a JSON file and read back from it (externalJSON).
	JSONFile bool
}

// reportRendered hands r to Options.Rendered, with the types kept for its
// relation.
func (r *runner) reportRendered(x Rendered) {
	if r.opts.Rendered == nil {
		return
	}
	if x.Relation != "" {
		x.Types = maps.Clone(r.relTypes(x.Schema, x.Relation))
	}
	if x.Relation != "" && x.Schema != "temp" {
		p := r.plan
		x.Database = p.target.Database
		if x.Kind != "source" {
			// a source's is its schema as declared
			x.DBTSchema = p.env.DBTSchema(p.target, p.schemasAsWritten(), cmp.Or(x.Schema, "main"))
		}
	}
	r.opts.Rendered(x)
}
