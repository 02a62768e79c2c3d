package inspect

import (
	"context"
	"fmt"
	"sort"

	"github.com/nexus-playground/nexus/pipeline/internal/identity"
	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

// PreviewOptions are resolution settings to try on the built tables before
// applying them to the project.
type PreviewOptions struct {
	Entity       string // person (default) or group
	Strategy     string // bounded (default) or exact
	MaxRecursion int    // 0 or more; read a project's with Bound
	// EdgeLimit drops the edges of identifiers joined to more than this
	// many distinct identifiers, as nexus.edge_quality's autofilter does;
	// 0 keeps every edge.
	EdgeLimit int
	// Ignore lists identifier values (or TYPE:VALUE) whose edges are dropped.
	Ignore []string
}

// Preview tells how the entities would change under other settings.
type Preview struct {
	Entity       string `json:"entity"`
	Identifiers  int    `json:"identifiers"`
	Edges        int    `json:"edges"`
	DroppedEdges int    `json:"dropped_edges"`
	// Before is the number of entities in the built table, After the
	// number the settings would give.
	Before int `json:"before"`
	After  int `json:"after"`
	// Split counts built entities whose identifiers would spread over
	// several entities; Merged counts new entities that join several
	// built ones.
	Split  int `json:"split"`
	Merged int `json:"merged"`
	// SplitIDs are the built entities the settings would split; MergedIDs
	// the built entities the settings would join with others (with
	// Strategy exact: the entities that nexus_max_recursion left split).
	SplitIDs  []string `json:"split_ids,omitempty"`
	MergedIDs []string `json:"merged_ids,omitempty"`
}

// Resolve resolves the built identifiers and edges again with opts and
// compares the result with the built resolved-identifiers table, so a user
// sees what a threshold or depth would do before changing the project.
func Resolve(ctx context.Context, db *store.DB, opts PreviewOptions) (*Preview, error) {
	strategy, err := identity.ParseStrategy(orDefault(opts.Strategy, "bounded"))
	if err != nil {
		return nil, err
	}
	if err := checkBound(opts.MaxRecursion); err != nil {
		return nil, err
	}
	depth := opts.MaxRecursion
	t, err := Find(ctx, db, opts.Entity)
	if err != nil {
		return nil, err
	}
	idRows, err := readIdentifiers(ctx, db, t.Identifiers)
	if err != nil {
		return nil, err
	}
	edgeRows, err := readEdges(ctx, db, t.Edges)
	if err != nil {
		return nil, err
	}
	builtRows, err := readRows(ctx, db, fmt.Sprintf("SELECT json_group_array(json_array(identifier_type, identifier_value, %s)) FROM %s", idColumn(t.Entity), t.Resolved.SQL()))
	if err != nil {
		return nil, err
	}
	b := identity.NewBuilder()
	for _, row := range idRows {
		b.Identifier(row[0], row[1])
	}
	ignore := map[string]bool{}
	for _, v := range opts.Ignore {
		ignore[v] = true
	}
	ignored := func(t, v string) bool { return ignore[v] || ignore[t+":"+v] }
	// Connection counts: distinct neighbours of each identifier.
	neighbours := map[[2]string]map[[2]string]bool{}
	for _, e := range edgeRows {
		a, c := [2]string{e[0], e[1]}, [2]string{e[2], e[3]}
		if neighbours[a] == nil {
			neighbours[a] = map[[2]string]bool{}
		}
		neighbours[a][c] = true
	}
	p := &Preview{Entity: t.Entity}
	for _, e := range edgeRows {
		a, c := [2]string{e[0], e[1]}, [2]string{e[2], e[3]}
		if ignored(e[0], e[1]) || ignored(e[2], e[3]) ||
			opts.EdgeLimit > 0 && (len(neighbours[a]) > opts.EdgeLimit || len(neighbours[c]) > opts.EdgeLimit) {
			p.DroppedEdges++
			continue
		}
		b.Edge(b.Identifier(e[0], e[1]), b.Identifier(e[2], e[3]))
	}
	g := b.Build()
	reps := g.Resolve(strategy, depth)
	p.Identifiers, p.Edges = g.Len(), len(edgeRows)
	built := map[int32]string{}
	for _, row := range builtRows {
		if id, ok := g.Lookup(row[0], row[1]); ok {
			built[id] = row[2]
		}
	}
	newOf := map[string]map[int32]bool{} // built entity -> new reps
	oldOf := map[int32]map[string]bool{} // new rep -> built entities
	before := map[string]bool{}
	after := map[int32]bool{}
	for id, rep := range reps {
		after[rep] = true
		old, ok := built[int32(id)]
		if !ok {
			continue
		}
		before[old] = true
		if newOf[old] == nil {
			newOf[old] = map[int32]bool{}
		}
		newOf[old][rep] = true
		if oldOf[rep] == nil {
			oldOf[rep] = map[string]bool{}
		}
		oldOf[rep][old] = true
	}
	p.Before, p.After = len(before), len(after)
	for old, reps := range newOf {
		if len(reps) > 1 {
			p.Split++
			p.SplitIDs = append(p.SplitIDs, old)
		}
	}
	for _, olds := range oldOf {
		if len(olds) > 1 {
			p.Merged++
			for old := range olds {
				p.MergedIDs = append(p.MergedIDs, old)
			}
		}
	}
	sort.Strings(p.SplitIDs)
	sort.Strings(p.MergedIDs)
	return p, nil
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
