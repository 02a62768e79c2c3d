//go:build !js

package store

// memoryTarget is what an in-memory database is opened as: natively
// SQLite's own in-memory database.
func memoryTarget(string) string { return MemoryDSN }

// defaultMemoryLimit caps SQLite's heap: a query that would exhaust memory
// (a runaway recursive CTE, a large cross join) fails with a message instead
// of taking the process down.
const defaultMemoryLimit int64 = 3 << 30

// defaultDataLimit is 0, no cap: natively an in-memory database is under the
// heap limit already.
const defaultDataLimit int64 = 0

// fileDatabases tells that a database may be a file.
const fileDatabases = true

// heldMemory is false: a schema is SQLite's own in-memory database, copied
// into a held memdb database only when first detached (attach.go).
const heldMemory = false
