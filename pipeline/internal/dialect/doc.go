// Package dialect translates the SQL of source models, written for
// BigQuery, Snowflake or DuckDB, into SQLite (a project's source models run
// on SQLite in the playground).
//
// [Translate] rewrites what has a faithful SQLite equivalent, listed as data
// in [Translations], and refuses what has not, listed in [Refusals], with a
// diagnostic at the construct's line that says what to write instead.
//
// It works in one pass over a token stream in which string literals, quoted
// identifiers ("..", `..`, [..]) and comments are single tokens, so nothing
// inside them changes, and every line break of the input is kept, so line
// numbers in SQLite's errors point at the model as written. No regular
// expressions: each token is looked at a constant number of times, except
// that a :: cast looks back over its operand, skipping parenthesised groups
// in one step each.
package dialect
