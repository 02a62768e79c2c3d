package store

import (
	"context"
	"testing"
)

// MissingTable reads SQLite's own message for a table that does not exist,
// and only that message.
func TestMissingTable(t *testing.T) {
	ctx := context.Background()
	db := openMemory(t)
	if err := db.EnsureSchema("s"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		sql, table string
		missing    bool
	}{
		{"select * from nope", "nope", true},
		{"select * from s.nope", "s.nope", true},
		{"select nope from (select 1 as x)", "", false},
		{"select * from", "", false},
	} {
		_, err := db.Query(ctx, c.sql, 0)
		if err == nil {
			t.Fatalf("%s: want an error", c.sql)
		}
		table, missing := MissingTable(err.Error())
		if missing != c.missing || table != c.table {
			t.Errorf("%s: %v gives (%q, %v), want (%q, %v)", c.sql, err, table, missing, c.table, c.missing)
		}
	}
}
