package engine

import (
	"strings"
	"testing"
	"time"
)

// Snapshot times keep moving on, however fast runs follow each other: a
// version closed by one run and opened by the next never spans no time.
func TestSnapshotTimeIncreases(t *testing.T) {
	at := func(quoted string) time.Time {
		v, err := time.Parse(time.RFC3339Nano, strings.Trim(quoted, "'"))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	prev := at(snapshotTime())
	for i := 0; i < 1000; i++ {
		next := at(snapshotTime())
		if !next.After(prev) {
			t.Fatalf("snapshot time %s after %s", next, prev)
		}
		prev = next
	}
}
