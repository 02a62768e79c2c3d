package store

import (
	"context"
	"testing"
)

// column_type_of, column_name_of and column_facet_of answer once a
// statement for the same arguments, INFORMATION_SCHEMA.COLUMNS calling them
// for every row; a new statement asks again, as the relations may have
// changed, and Statement numbers it anew.
func TestColumnAnswersOnceAStatement(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, MemoryDSN)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	facets, types, names := 0, 0, 0
	db.SetColumnFacets(func(schema, table, column, declared, facet string) (int64, bool) {
		facets++
		return int64(len(column)), true
	})
	db.SetColumnTypes(func(schema, table, column, declared string) string {
		types++
		return "NUMBER(38,0)"
	})
	db.SetColumnNames(func(schema, table, column string) string {
		names++
		return "A"
	})
	const q = "select column_facet_of('main', 't', c, 'INTEGER', 'precision'), column_type_of('main', 't', 'a', 'INTEGER'), column_name_of('main', 't', 'a') from (select 'ab' as c union all select 'ab' union all select 'xyz')"
	first := db.Statement()
	rows, err := db.Query(ctx, q, 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := rows.Rows[2][0]; got != int64(3) {
		t.Errorf("the facet of xyz is %v, want 3", got)
	}
	if facets != 2 || types != 1 || names != 1 {
		t.Errorf("asked %d facets, %d types, %d names for 3 rows; want 2, 1, 1", facets, types, names)
	}
	if db.Statement() == first {
		t.Errorf("the statement kept the number %d of the one before", first)
	}
	if _, err := db.Query(ctx, q, 0); err != nil {
		t.Fatal(err)
	}
	if facets != 4 || types != 2 || names != 2 {
		t.Errorf("a second statement asked %d facets, %d types, %d names in all; want 4, 2, 2", facets, types, names)
	}
}
