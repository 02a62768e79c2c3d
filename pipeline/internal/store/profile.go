package store

import "time"

// Profile turns on (or off) counting the calls that run SQL in SQLite
// (an Exec of several statements is one call, a table load one per row)
// and the time they take, Go/SQLite boundary included. It is for
// measuring where a build's time goes.
func (db *DB) Profile(on bool) { db.profiling = on }

// Profiled is how many calls ran SQL and how long they took while Profile
// was on.
func (db *DB) Profiled() (calls int, d time.Duration) {
	return db.profiled, db.profileTime
}

// timed adds a call's time (from start) and count to the profile; use it
// as defer db.timed(db.clock(), n).
func (db *DB) timed(start time.Time, calls int) {
	if db.profiling {
		db.profiled += calls
		db.profileTime += time.Since(start)
	}
}

// clock is now when profiling, the zero time (no clock read) otherwise.
func (db *DB) clock() time.Time {
	if db.profiling {
		return time.Now()
	}
	return time.Time{}
}
