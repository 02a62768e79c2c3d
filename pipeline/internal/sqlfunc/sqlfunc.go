// Package sqlfunc holds the SQL functions the warehouses have and SQLite
// lacks, written in Go and registered on every connection the store opens,
// natively and in js/wasm. Each file adds one family with add() from its
// init, so families live apart.
package sqlfunc

import "github.com/ncruces/go-sqlite3"

// Func is one SQL function as registered on a connection.
type Func struct {
	Name  string
	NArgs int // -1 for any number
	// Scalar, Window (aggregate) or Session implementation; exactly one
	// is set. Session makes a scalar function of the connection's Session,
	// for the functions that read what an earlier statement set.
	Scalar  func(ctx sqlite3.Context, arg ...sqlite3.Value)
	Window  sqlite3.AggregateConstructor
	Session func(s *Session) func(ctx sqlite3.Context, arg ...sqlite3.Value)
	// Volatile functions (now, random) are not marked deterministic.
	Volatile bool
}

var registry []Func

// add registers fs with every connection opened after program start.
// Not inlined, nor is rename: some 700 calls in the init functions would
// each carry a copy of its body, hundreds of KB of the wasm module.
//
//go:noinline
func add(fs ...Func) { registry = append(registry, fs...) }

// Register creates every function of the registry on conn.
func Register(conn *sqlite3.Conn) error {
	_, err := RegisterSession(conn)
	return err
}

// RegisterSession creates every function of the registry on conn, with a
// new Session, which it returns, for the functions that keep one.
func RegisterSession(conn *sqlite3.Conn) (*Session, error) {
	s := &Session{}
	for _, f := range registry {
		// Any function may mark its result as JSON (an array or struct),
		// which SQLite allows only to functions that say so; and read
		// whether an argument is JSON (SUBTYPE), which an aggregate's
		// ORDER BY then carries through its sort: list(x ORDER BY k) of
		// lists, structs or booleans keeps them JSON.
		flags := sqlite3.INNOCUOUS | sqlite3.RESULT_SUBTYPE | sqlite3.SUBTYPE
		if !f.Volatile {
			flags |= sqlite3.DETERMINISTIC
		}
		var err error
		switch {
		case f.Scalar != nil:
			err = conn.CreateFunction(f.Name, f.NArgs, flags, f.Scalar)
		case f.Session != nil:
			err = conn.CreateFunction(f.Name, f.NArgs, flags, f.Session(s))
		case f.Window != nil:
			err = conn.CreateWindowFunction(f.Name, f.NArgs, flags, withInverse(f.Window))
		}
		if err != nil {
			return nil, err
		}
	}
	return s, nil
}

// Rename maps a function as written in dialect (bigquery, snowflake,
// duckdb, sqlite) to the registered or SQLite function that computes it
// with that warehouse's meaning. ok is false when the name needs no change.
func Rename(dialect, name string) (string, bool) {
	n, ok := renames[dialect][name]
	return n, ok
}

// renames: dialect -> lower-case warehouse function name -> function to call.
var renames = map[string]map[string]string{}

// rename makes name, as written in each of dialects, call to.
//
//go:noinline
func rename(to, name string, dialects ...string) {
	for _, d := range dialects {
		if renames[d] == nil {
			renames[d] = map[string]string{}
		}
		renames[d][name] = to
	}
}
