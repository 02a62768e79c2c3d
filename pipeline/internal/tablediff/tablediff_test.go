package tablediff

import (
	"reflect"
	"testing"
)

func TestCompare(t *testing.T) {
	cols := []string{"id", "name"}
	tests := []struct {
		name     string
		old, new Table
		want     Diff
	}{
		{
			name: "same rows in another order",
			old:  Table{cols, [][]any{{int64(1), "a"}, {int64(2), "b"}}},
			new:  Table{cols, [][]any{{int64(2), "b"}, {int64(1), "a"}}},
			want: Diff{Key: "id", Columns: cols, OldRows: 2, NewRows: 2},
		},
		{
			name: "added, removed and changed by id",
			old:  Table{cols, [][]any{{int64(1), "a"}, {int64(2), "b"}, {int64(3), "c"}}},
			new:  Table{cols, [][]any{{int64(1), "a"}, {int64(2), "B"}, {int64(4), "d"}}},
			want: Diff{Key: "id", Columns: cols, OldRows: 3, NewRows: 3, Added: 1, Removed: 1, Changed: 1,
				Rows: []Row{
					{Kind: "changed", Key: int64(2), Old: []any{int64(2), "b"}, New: []any{int64(2), "B"}, Changed: []string{"name"}},
					{Kind: "removed", Key: int64(3), Old: []any{int64(3), "c"}},
					{Kind: "added", Key: int64(4), New: []any{int64(4), "d"}},
				}},
		},
		{
			name: "a *_id key when there is no id",
			old:  Table{[]string{"person_id", "email"}, [][]any{{"p1", "x@a"}, {"p2", "y@a"}}},
			new:  Table{[]string{"person_id", "email"}, [][]any{{"p1", "x@b"}, {"p2", "y@a"}}},
			want: Diff{Key: "person_id", Columns: []string{"person_id", "email"}, OldRows: 2, NewRows: 2, Changed: 1,
				Rows: []Row{{Kind: "changed", Key: "p1", Old: []any{"p1", "x@a"}, New: []any{"p1", "x@b"}, Changed: []string{"email"}}}},
		},
		{
			name: "a duplicated id is no key: whole rows, duplicates counted",
			old:  Table{cols, [][]any{{int64(1), "a"}, {int64(1), "a"}, {int64(2), "b"}}},
			new:  Table{cols, [][]any{{int64(1), "a"}, {int64(2), "c"}}},
			want: Diff{Columns: cols, OldRows: 3, NewRows: 2, Added: 1, Removed: 2,
				Rows: []Row{
					{Kind: "removed", Old: []any{int64(1), "a"}},
					{Kind: "removed", Old: []any{int64(2), "b"}},
					{Kind: "added", New: []any{int64(2), "c"}},
				}},
		},
		{
			name: "a NULL id is no key",
			old:  Table{cols, [][]any{{nil, "a"}}},
			new:  Table{cols, [][]any{{nil, "a"}}},
			want: Diff{Columns: cols, OldRows: 1, NewRows: 1},
		},
		{
			name: "types: 1 and 1.0 are one number, 1 and '1' differ",
			old:  Table{cols, [][]any{{int64(1), int64(1)}, {int64(2), int64(2)}}},
			new:  Table{cols, [][]any{{int64(1), 1.0}, {int64(2), "2"}}},
			want: Diff{Key: "id", Columns: cols, OldRows: 2, NewRows: 2, Changed: 1,
				Rows: []Row{{Kind: "changed", Key: int64(2), Old: []any{int64(2), int64(2)}, New: []any{int64(2), "2"}, Changed: []string{"name"}}}},
		},
		{
			name: "columns added and removed; shared columns compared",
			old:  Table{[]string{"id", "gone", "name"}, [][]any{{int64(1), "x", "a"}}},
			new:  Table{[]string{"name", "id", "new"}, [][]any{{"a", int64(1), "y"}}},
			want: Diff{Key: "id", Columns: []string{"name", "id"}, ColumnsAdded: []string{"new"}, ColumnsRemoved: []string{"gone"},
				OldRows: 1, NewRows: 1},
		},
		{
			name: "a build stamp in every row is reported once, not as changed rows",
			old:  Table{[]string{"id", "name", "_processed_at"}, [][]any{{int64(1), "a", "2026-01-01 10:00:00"}, {int64(2), "b", "2026-01-01 10:00:00"}}},
			new:  Table{[]string{"id", "name", "_processed_at"}, [][]any{{int64(1), "a", "2026-01-02 09:00:00"}, {int64(2), "B", "2026-01-02 09:00:00"}}},
			want: Diff{Key: "id", Columns: []string{"id", "name", "_processed_at"}, OldRows: 2, NewRows: 2, Changed: 1,
				Stamped: []Stamp{{Column: "_processed_at", Old: "2026-01-01 10:00:00", New: "2026-01-02 09:00:00"}},
				Rows:    []Row{{Kind: "changed", Key: int64(2), Old: []any{int64(2), "b", "2026-01-01 10:00:00"}, New: []any{int64(2), "B", "2026-01-02 09:00:00"}, Changed: []string{"name"}}}},
		},
		{
			name: "a stamp without a key: whole rows compared without it",
			old:  Table{[]string{"v", "at"}, [][]any{{"a", int64(1)}, {"a", int64(1)}, {"b", int64(1)}}},
			new:  Table{[]string{"v", "at"}, [][]any{{"a", int64(2)}, {"b", int64(2)}, {"c", int64(2)}}},
			want: Diff{Columns: []string{"v", "at"}, OldRows: 3, NewRows: 3, Added: 1, Removed: 1,
				Stamped: []Stamp{{Column: "at", Old: int64(1), New: int64(2)}},
				Rows:    []Row{{Kind: "removed", Old: []any{"a", int64(1)}}, {Kind: "added", New: []any{"c", int64(2)}}}},
		},
		{
			name: "one row is no stamp: its cell changed",
			old:  Table{[]string{"id", "at"}, [][]any{{int64(1), "t1"}}},
			new:  Table{[]string{"id", "at"}, [][]any{{int64(1), "t2"}}},
			want: Diff{Key: "id", Columns: []string{"id", "at"}, OldRows: 1, NewRows: 1, Changed: 1,
				Rows: []Row{{Kind: "changed", Key: int64(1), Old: []any{int64(1), "t1"}, New: []any{int64(1), "t2"}, Changed: []string{"at"}}}},
		},
		{
			name: "a constant column left as it was is compared as usual",
			old:  Table{[]string{"id", "at"}, [][]any{{int64(1), "t1"}, {int64(2), "t1"}}},
			new:  Table{[]string{"id", "at"}, [][]any{{int64(1), "t1"}, {int64(2), "t1"}}},
			want: Diff{Key: "id", Columns: []string{"id", "at"}, OldRows: 2, NewRows: 2},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Compare(tt.old, tt.new, -1)
			if !reflect.DeepEqual(*got, tt.want) {
				t.Errorf("Compare =\n%#v\nwant\n%#v", *got, tt.want)
			}
		})
	}
}

func TestCompareLimitKeepsCounts(t *testing.T) {
	var old, new Table
	old.Columns, new.Columns = []string{"id"}, []string{"id"}
	for i := 0; i < 100; i++ {
		new.Rows = append(new.Rows, []any{int64(i)})
	}
	d := Compare(old, new, 5)
	if d.Added != 100 || len(d.Rows) != 5 {
		t.Errorf("Added = %d with %d rows kept, want 100 with 5", d.Added, len(d.Rows))
	}
}

func TestSummary(t *testing.T) {
	tests := []struct {
		d    Diff
		want string
	}{
		{Diff{}, "same"},
		{Diff{Added: 2, Removed: 1, Changed: 3}, "+2 -1 ~3 rows"},
		{Diff{ColumnsAdded: []string{"b", "a"}}, "columns added: a, b"},
		{Diff{Removed: 1, ColumnsRemoved: []string{"x"}}, "+0 -1 ~0 rows; columns removed: x"},
		{Diff{Stamped: []Stamp{{Column: "_processed_at"}}}, "new in every row: _processed_at"},
	}
	for _, tt := range tests {
		if got := tt.d.Summary(); got != tt.want {
			t.Errorf("%+v.Summary() = %q, want %q", tt.d, got, tt.want)
		}
	}
}
