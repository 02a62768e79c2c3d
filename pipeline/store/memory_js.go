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
