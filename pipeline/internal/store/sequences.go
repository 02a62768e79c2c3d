package store

import (
	"fmt"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"
)

// A database keeps its sequences (sqlfunc/sequences.go) in
// main._nexus_sequences: the connection counts in memory, and after each
// statement that drew from, created, altered or dropped a sequence the
// store writes them all there, so that the next build on the database, in
// this process or another, goes on from where the last one stopped.

// keepSequences writes the sequences to the database when statements sql
// changed one, or rolled back (a failed model's savepoint) what the
// database kept of them; an error of the statements comes first.
func (db *DB) keepSequences(sql string, err *error) {
	if db.session == nil {
		return
	}
	if db.session.HasSequences() && containsFold(sql, "rollback") {
		db.session.RolledBack()
	}
	seqs, changed := db.session.TakeSequences()
	if !changed {
		return
	}
	var b strings.Builder
	b.WriteString(sqlfunc.SequencesTable + "; DELETE FROM main._nexus_sequences;")
	for _, q := range seqs {
		fmt.Fprintf(&b, " INSERT INTO main._nexus_sequences VALUES (%s, %d, %d, %d, %d, %d, %d);",
			Quote(q.Name), q.Next, q.Increment, q.MinValue, q.MaxValue, boolInt(q.Cycle), boolInt(q.Spent))
	}
	if werr := db.asEngine(func() error { return db.conn.Exec(b.String()) }); werr != nil && *err == nil {
		*err = fmt.Errorf("keeping the database's sequences: %w", werr)
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// loadSequences reads the sequences a file database kept.
func (db *DB) loadSequences() error {
	stmt, _, err := db.conn.Prepare("SELECT name, next, increment, minvalue, maxvalue, cycle, spent FROM main._nexus_sequences")
	if err != nil {
		if strings.Contains(err.Error(), "no such table") {
			return nil
		}
		return err
	}
	for stmt.Step() {
		db.session.KeepSequence(sqlfunc.KeptSequence{Name: stmt.ColumnText(0), Next: stmt.ColumnInt64(1), Increment: stmt.ColumnInt64(2),
			MinValue: stmt.ColumnInt64(3), MaxValue: stmt.ColumnInt64(4), Cycle: stmt.ColumnInt64(5) != 0, Spent: stmt.ColumnInt64(6) != 0})
	}
	return stmt.Close()
}

// containsFold tells whether s holds word in any case, without a copy of s
// (a model's SQL may be long).
func containsFold(s, word string) bool {
	for i := 0; i+len(word) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(word)], word) {
			return true
		}
	}
	return false
}
