package sqlfunc

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// Sequences are DuckDB's and Snowflake's sequences: counters that are
// objects of a schema, kept from statement to statement, model to model and
// build to build of the same database. The dialects rewrite CREATE, ALTER
// and DROP SEQUENCE and nextval to calls of the functions below, naming
// each sequence by its key, "<sqlite schema>.<name>" (the name lower case
// unless it was quoted in Snowflake), so that a sequence of one schema is
// not one of the same name in another.
//
// The counters live in the connection (writing a table from inside the
// statement that draws would run a statement per row) and the store writes
// them, after each statement that changed one, to main._nexus_sequences of
// the database, from which a later process reads them again
// (KeptSequence): the database keeps its sequences as the warehouse does.
// Neither warehouse gives back the values a failed statement drew, and
// neither does the playground.

// sequence is one sequence's counter and bounds.
type sequence struct {
	next     int64 // the value nextval gives next
	inc      int64
	min, max int64
	cycle    bool
	spent    bool // next is past the bounds and the sequence does not cycle
}

// KeptSequence is one sequence as the database keeps it (the columns of
// main._nexus_sequences).
type KeptSequence struct {
	Name               string
	Next, Increment    int64
	MinValue, MaxValue int64
	Cycle, Spent       bool
}

// SequencesTable is the table of the database that keeps its sequences.
const SequencesTable = "CREATE TABLE IF NOT EXISTS main._nexus_sequences (name TEXT PRIMARY KEY, next INTEGER NOT NULL, increment INTEGER NOT NULL, minvalue INTEGER NOT NULL, maxvalue INTEGER NOT NULL, cycle INTEGER NOT NULL, spent INTEGER NOT NULL)"

// sequences holds a connection's sequences and the session's last values.
type sequences struct {
	byKey map[string]*sequence
	// curr is each sequence's last value nextval gave in the session
	// (DuckDB's currval), which a new session forgets.
	curr map[string]int64
	// changed: a sequence changed since the store last took them.
	changed bool
}

// KeepSequence loads a sequence the database kept, when the connection
// opens.
func (s *Session) KeepSequence(k KeptSequence) {
	if s.seq.byKey == nil {
		s.seq.byKey = map[string]*sequence{}
	}
	s.seq.byKey[k.Name] = &sequence{next: k.Next, inc: k.Increment, min: k.MinValue, max: k.MaxValue, cycle: k.Cycle, spent: k.Spent}
}

// TakeSequences reports whether a statement changed a sequence since the
// last call, and if so gives them all, by name, for the store to write.
func (s *Session) TakeSequences() ([]KeptSequence, bool) {
	if !s.seq.changed {
		return nil, false
	}
	s.seq.changed = false
	out := make([]KeptSequence, 0, len(s.seq.byKey))
	for k, q := range s.seq.byKey {
		out = append(out, KeptSequence{Name: k, Next: q.next, Increment: q.inc, MinValue: q.min, MaxValue: q.max, Cycle: q.cycle, Spent: q.spent})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, true
}

// RolledBack tells the sequences that a ROLLBACK undid what the database
// kept of them, where the counters in the connection stay as they were
// (neither warehouse gives back a value drawn): the store writes them
// again.
func (s *Session) RolledBack() { s.seq.changed = true }

// HasSequences tells whether the connection ever had a sequence: one that
// never had has nothing to keep.
func (s *Session) HasSequences() bool { return s.seq.byKey != nil }

// DropSchemaSequences forgets the sequences of schema, which was dropped.
func (s *Session) DropSchemaSequences(schema string) {
	for k := range s.seq.byKey {
		if strings.EqualFold(k[:strings.LastIndexByte(k, '.')+1], schema+".") {
			delete(s.seq.byKey, k)
			delete(s.seq.curr, k)
			s.seq.changed = true
		}
	}
}

// draw gives the sequence's next value and moves it on.
func (q *sequence) draw() (int64, bool) {
	if q.spent {
		return 0, false
	}
	v := q.next
	n := v + q.inc
	if q.inc > 0 && (n < v || n > q.max) || q.inc < 0 && (n > v || n < q.min) {
		switch {
		case !q.cycle:
			q.spent = true
		case q.inc > 0:
			n = q.min
		default:
			n = q.max
		}
	}
	q.next = n
	return v, true
}

// sequenceArgs reads the dialect ('duckdb' or 'snowflake'), key and name
// as written that the rewritten statements pass first.
func sequenceArgs(args []sqlite3.Value) (dialect, key, shown string) {
	return args[0].Text(), args[1].Text(), args[2].Text()
}

// notFound is the error of a statement that names a sequence that does not
// exist.
func notFound(dialect, shown string) error {
	if dialect == "snowflake" {
		return fmt.Errorf("SQL compilation error: Object '%s' does not exist or not authorized.", shown)
	}
	return fmt.Errorf("Catalog Error: Sequence with name %s does not exist!", shown)
}

// optInt reads an optional integer argument: NULL is not given.
func optInt(v sqlite3.Value) (int64, bool) {
	if v.Type() == sqlite3.NULL {
		return 0, false
	}
	return v.Int64(), true
}

// create is sequence_create(dialect, key, shown, mode, start, increment,
// minvalue, maxvalue, cycle): CREATE [OR REPLACE] SEQUENCE [IF NOT EXISTS],
// mode ”, 'if not exists' or 'or replace'; a NULL option is not given. The
// bounds and start default as DuckDB's do (an ascending sequence from 1 to
// the largest BIGINT, a descending one from -1 down); Snowflake's have no
// bounds and start at 1.
func (s *Session) createSequence(ctx sqlite3.Context, args ...sqlite3.Value) {
	dialect, key, shown := sequenceArgs(args)
	mode := args[3].Text()
	start, hasStart := optInt(args[4])
	inc, hasInc := optInt(args[5])
	lo, hasMin := optInt(args[6])
	hi, hasMax := optInt(args[7])
	cycle := args[8].Int64() != 0
	if !hasInc {
		inc = 1
	}
	if _, exists := s.seq.byKey[key]; exists && mode != "or replace" {
		if mode == "if not exists" {
			sequenceStatus(ctx, dialect, shown+" already exists, statement succeeded.")
			return
		}
		if dialect == "snowflake" {
			resultError(ctx, fmt.Errorf("SQL compilation error: Object '%s' already exists.", shown))
		} else {
			resultError(ctx, fmt.Errorf("Catalog Error: Sequence with name %q already exists!", shown))
		}
		return
	}
	if inc == 0 {
		if dialect == "snowflake" {
			resultError(ctx, fmt.Errorf("SQL compilation error: Sequence interval must be non-zero."))
		} else {
			resultError(ctx, fmt.Errorf("Parser Error: Increment must not be zero"))
		}
		return
	}
	q := &sequence{inc: inc, cycle: cycle, min: math.MinInt64, max: math.MaxInt64}
	if dialect == "snowflake" {
		q.next = 1
		if hasStart {
			q.next = start
		}
	} else {
		if !hasMin {
			q.min = 1
			if inc < 0 {
				q.min = math.MinInt64
			}
		} else {
			q.min = lo
		}
		if !hasMax {
			q.max = math.MaxInt64
			if inc < 0 {
				q.max = -1
			}
		} else {
			q.max = hi
		}
		q.next = q.min
		if inc < 0 {
			q.next = q.max
		}
		if hasStart {
			q.next = start
		}
		switch {
		case q.max <= q.min:
			resultError(ctx, fmt.Errorf("Parser Error: MINVALUE (%d) must be less than MAXVALUE (%d)", q.min, q.max))
			return
		case q.next < q.min:
			resultError(ctx, fmt.Errorf("Parser Error: START value (%d) cannot be less than MINVALUE (%d)", q.next, q.min))
			return
		case q.next > q.max:
			resultError(ctx, fmt.Errorf("Parser Error: START value (%d) cannot be greater than MAXVALUE (%d)", q.next, q.max))
			return
		}
	}
	if s.seq.byKey == nil {
		s.seq.byKey = map[string]*sequence{}
	}
	s.seq.byKey[key] = q
	delete(s.seq.curr, key)
	s.seq.changed = true
	sequenceStatus(ctx, dialect, "Sequence "+shown+" successfully created.")
}

// sequenceStatus answers what a statement on a sequence answers:
// Snowflake's status text; DuckDB answers no value.
func sequenceStatus(ctx sqlite3.Context, dialect, status string) {
	if dialect == "snowflake" {
		ctx.ResultText(status)
		return
	}
	ctx.ResultNull()
}

// dropSequence is sequence_drop(dialect, key, shown, if_exists).
func (s *Session) dropSequence(ctx sqlite3.Context, args ...sqlite3.Value) {
	dialect, key, shown := sequenceArgs(args)
	if _, ok := s.seq.byKey[key]; !ok {
		if args[3].Int64() != 0 {
			sequenceStatus(ctx, dialect, "Drop statement executed successfully ("+shown+" already dropped).")
			return
		}
		if dialect == "snowflake" {
			resultError(ctx, fmt.Errorf("SQL compilation error: Sequence '%s' does not exist or not authorized.", shown))
		} else {
			resultError(ctx, notFound(dialect, shown))
		}
		return
	}
	delete(s.seq.byKey, key)
	delete(s.seq.curr, key)
	s.seq.changed = true
	sequenceStatus(ctx, dialect, shown+" successfully dropped.")
}

// alterSequence is sequence_alter(dialect, key, shown, if_exists,
// increment, new_key, new_shown): Snowflake's ALTER SEQUENCE ... SET
// INCREMENT (increment not NULL) and RENAME TO (new_key not NULL); a
// statement of neither (SET COMMENT) changes nothing. A new increment takes
// effect from the next value on.
func (s *Session) alterSequence(ctx sqlite3.Context, args ...sqlite3.Value) {
	dialect, key, shown := sequenceArgs(args)
	q, ok := s.seq.byKey[key]
	if !ok {
		if args[3].Int64() != 0 {
			sequenceStatus(ctx, dialect, "Statement executed successfully.")
			return
		}
		resultError(ctx, notFound(dialect, shown))
		return
	}
	if inc, ok := optInt(args[4]); ok {
		if inc == 0 {
			resultError(ctx, fmt.Errorf("SQL compilation error: Sequence interval must be non-zero."))
			return
		}
		q.inc = inc
		s.seq.changed = true
	}
	if args[5].Type() != sqlite3.NULL {
		to := args[5].Text()
		if _, taken := s.seq.byKey[to]; taken && to != key {
			resultError(ctx, fmt.Errorf("SQL compilation error: Object '%s' already exists.", args[6].Text()))
			return
		}
		delete(s.seq.byKey, key)
		delete(s.seq.curr, key)
		s.seq.byKey[to] = q
		s.seq.changed = true
	}
	sequenceStatus(ctx, dialect, "Statement executed successfully.")
}

// nextval is sequence_nextval(dialect, key, shown): the sequence's next
// value, a distinct one for each call, in the order of the calls.
func (s *Session) nextval(ctx sqlite3.Context, args ...sqlite3.Value) {
	q, key, shown, ok := s.existing(ctx, args)
	if !ok {
		return
	}
	v, ok := q.draw()
	if !ok {
		if q.inc > 0 {
			resultError(ctx, fmt.Errorf("Sequence Error: nextval: reached maximum value of sequence %q (%d)", shown, q.max))
		} else {
			resultError(ctx, fmt.Errorf("Sequence Error: nextval: reached minimum value of sequence %q (%d)", shown, q.min))
		}
		return
	}
	s.seq.changed = true
	s.setCurrent(key, v)
	ctx.ResultInt64(v)
}

// existing is the sequence sequence_*(dialect, key, shown, ...) names, with
// its key and name as written; false, with the warehouse's error as the
// result, when there is none.
func (s *Session) existing(ctx sqlite3.Context, args []sqlite3.Value) (q *sequence, key, shown string, ok bool) {
	dialect, key, shown := sequenceArgs(args)
	if q, ok = s.seq.byKey[key]; !ok {
		resultError(ctx, notFound(dialect, shown))
	}
	return q, key, shown, ok
}

// setCurrent makes v the value currval of key gives in this session.
func (s *Session) setCurrent(key string, v int64) {
	if s.seq.curr == nil {
		s.seq.curr = map[string]int64{}
	}
	s.seq.curr[key] = v
}

// currval is DuckDB's currval: sequence_currval(dialect, key, shown), the
// value nextval last gave in this session.
func (s *Session) currval(ctx sqlite3.Context, args ...sqlite3.Value) {
	_, key, _, ok := s.existing(ctx, args)
	if !ok {
		return
	}
	v, ok := s.seq.curr[key]
	if !ok {
		resultError(ctx, fmt.Errorf("Sequence Error: currval: sequence is not yet defined in this session"))
		return
	}
	ctx.ResultInt64(v)
}

// setval is DuckDB's setval: sequence_setval(dialect, key, shown, value
// [, is_called]), which makes value the sequence's current value (nextval
// gives the one after it), or with is_called false its next.
func (s *Session) setval(ctx sqlite3.Context, args ...sqlite3.Value) {
	q, key, shown, ok := s.existing(ctx, args)
	if !ok {
		return
	}
	if args[3].Type() == sqlite3.NULL {
		ctx.ResultNull()
		return
	}
	v := args[3].Int64()
	if v < q.min || v > q.max {
		resultError(ctx, fmt.Errorf("Sequence Error: setval: value %d is out of bounds for sequence %q (%d..%d)", v, shown, q.min, q.max))
		return
	}
	called := len(args) < 5 || args[4].Type() == sqlite3.NULL || args[4].Int64() != 0
	q.next, q.spent = v, false
	if called {
		q.draw()
		s.setCurrent(key, v)
	}
	s.seq.changed = true
	ctx.ResultInt64(v)
}

// listSequences is sequence_list(): the sequences as a JSON array of
// {schema, name, next, increment}, by key, for Snowflake's SHOW SEQUENCES.
func (s *Session) listSequences(ctx sqlite3.Context, args ...sqlite3.Value) {
	type item struct {
		Schema    string `json:"schema"`
		Name      string `json:"name"`
		Next      int64  `json:"next"`
		Increment int64  `json:"increment"`
	}
	keys := make([]string, 0, len(s.seq.byKey))
	for k := range s.seq.byKey {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]item, 0, len(keys))
	for _, k := range keys {
		q := s.seq.byKey[k]
		i := strings.LastIndexByte(k, '.')
		if strings.HasPrefix(k[i+1:], "#") {
			continue // an identity column's, which SHOW SEQUENCES does not list
		}
		out = append(out, item{Schema: k[:i], Name: k[i+1:], Next: q.next, Increment: q.inc})
	}
	b, err := json.Marshal(out)
	if err != nil {
		resultError(ctx, err)
		return
	}
	ctx.ResultText(string(b))
}

// identityKey is the key of the counter of identity column column of
// table table in schema: "<schema>.#<table>#<column>", which no sequence
// a statement creates is named (a name of its own is schema.name, and
// SHOW SEQUENCES leaves these out); the names are lower case, as SQLite
// reads them, and their dots and #s escaped, as the schema is what is
// before the last dot.
func identityKey(schema, table, column string) string {
	esc := strings.NewReplacer("%", "%25", ".", "%2E", "#", "%23")
	return strings.ToLower(schema) + ".#" + esc.Replace(strings.ToLower(table)) + "#" + esc.Replace(strings.ToLower(column))
}

// identity is sequence_identity(schema, table, column, start, step): the
// next value of Snowflake's AUTOINCREMENT or IDENTITY column, each column
// its own counter, which begins at start the first time it draws after
// its table was created.
func (s *Session) identity(ctx sqlite3.Context, args ...sqlite3.Value) {
	key := identityKey(args[0].Text(), args[1].Text(), args[2].Text())
	q, ok := s.seq.byKey[key]
	if !ok {
		q = &sequence{next: args[3].Int64(), inc: args[4].Int64(), min: math.MinInt64, max: math.MaxInt64}
		if q.inc == 0 {
			resultError(ctx, fmt.Errorf("SQL compilation error: Sequence interval must be non-zero."))
			return
		}
		if s.seq.byKey == nil {
			s.seq.byKey = map[string]*sequence{}
		}
		s.seq.byKey[key] = q
	}
	v, ok := q.draw()
	if !ok {
		resultError(ctx, fmt.Errorf("Sequence Error: the identity column %s of %s is past the largest integer", args[2].Text(), args[1].Text()))
		return
	}
	s.seq.changed = true
	ctx.ResultInt64(v)
}

// identityReset is sequence_identity_reset(schema, table): a table of
// that name is created, so its identity columns count from their start
// again, where a dropped table of the name left its counters.
func (s *Session) identityReset(ctx sqlite3.Context, args ...sqlite3.Value) {
	prefix := identityKey(args[0].Text(), args[1].Text(), "")
	for k := range s.seq.byKey {
		if strings.HasPrefix(k, prefix) {
			delete(s.seq.byKey, k)
			s.seq.changed = true
		}
	}
	ctx.ResultNull()
}

func init() {
	add(
		Func{Name: "sequence_identity", NArgs: 5, Volatile: true, Session: func(s *Session) func(sqlite3.Context, ...sqlite3.Value) { return s.identity }},
		Func{Name: "sequence_identity_reset", NArgs: 2, Volatile: true, Session: func(s *Session) func(sqlite3.Context, ...sqlite3.Value) { return s.identityReset }},
		Func{Name: "sequence_list", NArgs: 0, Volatile: true, Session: func(s *Session) func(sqlite3.Context, ...sqlite3.Value) { return s.listSequences }},
		Func{Name: "sequence_create", NArgs: 9, Volatile: true, Session: func(s *Session) func(sqlite3.Context, ...sqlite3.Value) { return s.createSequence }},
		Func{Name: "sequence_drop", NArgs: 4, Volatile: true, Session: func(s *Session) func(sqlite3.Context, ...sqlite3.Value) { return s.dropSequence }},
		Func{Name: "sequence_alter", NArgs: 7, Volatile: true, Session: func(s *Session) func(sqlite3.Context, ...sqlite3.Value) { return s.alterSequence }},
		Func{Name: "sequence_nextval", NArgs: 3, Volatile: true, Session: func(s *Session) func(sqlite3.Context, ...sqlite3.Value) { return s.nextval }},
		Func{Name: "sequence_currval", NArgs: 3, Volatile: true, Session: func(s *Session) func(sqlite3.Context, ...sqlite3.Value) { return s.currval }},
		Func{Name: "sequence_setval", NArgs: -1, Volatile: true, Session: func(s *Session) func(sqlite3.Context, ...sqlite3.Value) { return s.setval }},
	)
}
