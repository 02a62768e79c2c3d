//go:build !js

package store

// memoryTarget is what an in-memory database is opened as: natively
// SQLite's own in-memory database.
func memoryTarget(string) string { return MemoryDSN }
