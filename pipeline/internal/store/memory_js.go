//go:build js

package store

import (
	// The memdb VFS keeps a database in 64 KiB pieces of Go memory.
	_ "github.com/ncruces/go-sqlite3/vfs/memdb"
)

// memoryTarget is what an in-memory database (the main one or a schema's)
// is opened as. In js/wasm Go and SQLite share one 4 GiB address space, and
// SQLite's own heap is one buffer that grows by copying: a large build's
// growth steps leave garbage no later step fits in, and the process dies
// well before its data fills the space. In memdb the tables live in
// pieces that need no copying; SQLite's heap keeps its page cache and the
// temporary data of running statements, under the heap limit.
func memoryTarget(name string) string { return "file:" + name + "?vfs=memdb" }

// defaultMemoryLimit caps SQLite's heap: a query that would exhaust memory
// (a runaway recursive CTE, a large cross join) fails with a message instead
// of taking the browser tab down. It is lower than natively since the heap
// shares 4 GiB of address space with Go's and grows by copying.
const defaultMemoryLimit int64 = 1 << 30

// defaultDataLimit caps each in-memory database: the tables live in Go's
// memory (see memoryTarget) and the whole process has 4 GiB.
const defaultDataLimit int64 = 1536 << 20

// fileDatabases is false: SQLite's file locking has no js/wasm
// implementation here.
const fileDatabases = false

// heldMemory is true: a schema lives in a held memdb database from the
// start, so that detaching it (attach.go) keeps its data.
const heldMemory = true
