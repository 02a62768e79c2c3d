package pipeline

import (
	"context"
	"sort"

	"github.com/nexus-playground/nexus/pipeline/internal/store"
	"github.com/nexus-playground/nexus/pipeline/internal/tablediff"
)

// TableDiff is what differs in one table between two builds.
type TableDiff struct {
	Schema string `json:"schema"`
	Name   string `json:"name"`
	// Status is "added" or "removed" for a table only one build has,
	// "changed" or "same" for a table both have.
	Status string `json:"status"`
	*tablediff.Diff
}

// DiffRow is one added, removed or changed row of a TableDiff.
type DiffRow = tablediff.Row

// Diff compares the tables and views of two databases, keeping at most
// limit differing rows per table (negative: all). Tables come in schema and
// name order.
func Diff(ctx context.Context, old, new *Session, limit int) ([]TableDiff, error) {
	ot, err := old.db.Tables(ctx)
	if err != nil {
		return nil, err
	}
	nt, err := new.db.Tables(ctx)
	if err != nil {
		return nil, err
	}
	type rel struct{ schema, name string }
	names := map[rel][2]bool{}
	for _, t := range ot {
		k := rel{t.Schema, t.Name}
		names[k] = [2]bool{true, names[k][1]}
	}
	for _, t := range nt {
		k := rel{t.Schema, t.Name}
		names[k] = [2]bool{names[k][0], true}
	}
	keys := make([]rel, 0, len(names))
	for k := range names {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].schema != keys[j].schema {
			return keys[i].schema < keys[j].schema
		}
		return keys[i].name < keys[j].name
	})
	out := make([]TableDiff, 0, len(keys))
	for _, k := range keys {
		in := names[k]
		var a, b tablediff.Table
		if in[0] {
			if a, err = readAll(ctx, old, k.schema, k.name); err != nil {
				return nil, err
			}
		}
		if in[1] {
			if b, err = readAll(ctx, new, k.schema, k.name); err != nil {
				return nil, err
			}
		}
		if !in[0] {
			a.Columns = b.Columns
		}
		if !in[1] {
			b.Columns = a.Columns
		}
		d := TableDiff{Schema: k.schema, Name: k.name, Diff: tablediff.Compare(a, b, limit)}
		switch {
		case !in[0]:
			d.Status = "added"
		case !in[1]:
			d.Status = "removed"
		case d.Same():
			d.Status = "same"
		default:
			d.Status = "changed"
		}
		out = append(out, d)
	}
	return out, nil
}

func readAll(ctx context.Context, s *Session, schema, name string) (tablediff.Table, error) {
	r, err := s.db.Query(ctx, "SELECT * FROM "+store.Rel(schema, name), 0)
	if err != nil {
		return tablediff.Table{}, queryError(ctx, err)
	}
	return tablediff.Table{Columns: r.Columns, Rows: r.Rows}, nil
}
