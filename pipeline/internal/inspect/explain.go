package inspect

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/identity"
	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

// Identifier is one identifier of an entity, written TYPE:VALUE.
type Identifier struct {
	Type  string `json:"type"`
	Value string `json:"value"`
}

func (id Identifier) String() string { return id.Type + ":" + id.Value }

// ParseIdentifier reads TYPE:VALUE; the value may itself hold colons.
func ParseIdentifier(s string) (Identifier, error) {
	typ, value, ok := strings.Cut(s, ":")
	if !ok || typ == "" || value == "" {
		return Identifier{}, fmt.Errorf("identifier %q: write it as TYPE:VALUE, like email:dana@example.com", s)
	}
	return Identifier{Type: typ, Value: value}, nil
}

// Options steer an explanation: "why are these one person?" is answered
// by the shortest chain of identity edges joining two identifiers, the
// source row behind each edge, and whether dbt-nexus's bounded resolution
// at nexus_max_recursion keeps them together.
type Options struct {
	// Entity is "person" (the default) or "group".
	Entity string
	// MaxRecursion is the bound of the bounded resolution, 0 or more; read
	// a project's with Bound.
	MaxRecursion int
}

// Link is one edge of a chain: From and To share a source row.
type Link struct {
	From Identifier `json:"from"`
	To   Identifier `json:"to"`
	// FromEntity and ToEntity are the built entity ids (person_id or
	// group_id) of each side.
	FromEntity string `json:"from_entity"`
	ToEntity   string `json:"to_entity"`
	// The source row behind the edge: the earliest of the rows joining the
	// two identifiers; Rows counts them all.
	RowID      string `json:"row_id"`
	Source     string `json:"source"`
	OccurredAt string `json:"occurred_at"`
	Rows       int    `json:"rows"`
}

// Explanation is the chain joining two identifiers.
type Explanation struct {
	Entity       string     `json:"entity"`
	Edges        string     `json:"edges"` // the edges relation read
	A            Identifier `json:"a"`
	B            Identifier `json:"b"`
	EntityA      string     `json:"entity_a"`
	EntityB      string     `json:"entity_b"`
	Chain        []Link     `json:"chain"`
	MaxRecursion int        `json:"max_recursion"`
	// LongerThanBound is true when the chain has more edges than
	// nexus_max_recursion.
	LongerThanBound bool `json:"longer_than_bound"`
	// BoundedSplits is true when bounded resolution at MaxRecursion puts A
	// and B in different entities, though exact resolution joins them.
	BoundedSplits bool `json:"bounded_splits"`
}

// Hops is the number of edges of the chain.
func (e *Explanation) Hops() int { return len(e.Chain) }

// Explain explains why a and b are one entity.
func Explain(ctx context.Context, db *store.DB, a, b Identifier, opts Options) (*Explanation, error) {
	if err := checkBound(opts.MaxRecursion); err != nil {
		return nil, err
	}
	t, err := Find(ctx, db, opts.Entity)
	if err != nil {
		return nil, err
	}
	entity, bound := t.Entity, opts.MaxRecursion

	// The graph: every resolved identifier and every edge.
	bld := identity.NewBuilder()
	ids, err := readRows(ctx, db, fmt.Sprintf(
		"SELECT json_group_array(json_array(identifier_type, identifier_value, %s)) FROM (SELECT DISTINCT identifier_type, identifier_value, %s FROM %s WHERE identifier_type IS NOT NULL AND identifier_value IS NOT NULL)",
		idColumn(entity), idColumn(entity), t.Resolved.SQL()))
	if err != nil {
		return nil, err
	}
	entityOf := map[Identifier]string{}
	for _, r := range ids {
		bld.Identifier(r[0], r[1])
		entityOf[Identifier{r[0], r[1]}] = r[2]
	}
	edges, err := readEdges(ctx, db, t.Edges)
	if err != nil {
		return nil, err
	}
	for _, r := range edges {
		bld.Edge(bld.Identifier(r[0], r[1]), bld.Identifier(r[2], r[3]))
	}
	g := bld.Build()

	ia, okA := g.Lookup(a.Type, a.Value)
	ib, okB := g.Lookup(b.Type, b.Value)
	for _, u := range []struct {
		id Identifier
		ok bool
	}{{a, okA}, {b, okB}} {
		if !u.ok {
			return nil, fmt.Errorf("unknown %s identifier %s: it is in neither %s nor %s%s",
				entity, u.id, t.Resolved, t.Edges, knownTypes(ids, u.id.Type))
		}
	}
	ex := &Explanation{Entity: entity, Edges: t.Edges.String(), A: a, B: b,
		EntityA: entityOf[a], EntityB: entityOf[b], MaxRecursion: bound}
	path := g.ShortestPath(ia, ib)
	if path == nil {
		return nil, fmt.Errorf("%s and %s are not connected: no chain of edges in %s joins them (%s %s and %s %s)",
			a, b, t.Edges, entity, orNone(ex.EntityA), entity, orNone(ex.EntityB))
	}
	for i := 0; i+1 < len(path); i++ {
		ft, fv := g.Identifier(path[i])
		tt, tv := g.Identifier(path[i+1])
		l := Link{From: Identifier{ft, fv}, To: Identifier{tt, tv}}
		l.FromEntity, l.ToEntity = entityOf[l.From], entityOf[l.To]
		if err := sourceRow(ctx, db, t.Edges, &l); err != nil {
			return nil, err
		}
		ex.Chain = append(ex.Chain, l)
	}
	ex.LongerThanBound = len(ex.Chain) > bound
	reps := g.Resolve(identity.Bounded, bound)
	ex.BoundedSplits = reps[ia] != reps[ib]
	return ex, nil
}

// idColumn is the entity id column of the resolved table: person_id or
// group_id.
func idColumn(entity string) string { return entity + "_id" }

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

func knownTypes(ids [][]string, typ string) string {
	seen := map[string]bool{}
	for _, r := range ids {
		seen[r[0]] = true
	}
	if seen[typ] {
		return ""
	}
	types := make([]string, 0, len(seen))
	for t := range seen {
		types = append(types, t)
	}
	sort.Strings(types)
	return fmt.Sprintf(" (identifier types there: %s)", strings.Join(types, ", "))
}

func sourceRow(ctx context.Context, db *store.DB, rel Relation, l *Link) error {
	where := fmt.Sprintf("(identifier_type_a = %s AND identifier_value_a = %s AND identifier_type_b = %s AND identifier_value_b = %s) OR (identifier_type_a = %s AND identifier_value_a = %s AND identifier_type_b = %s AND identifier_value_b = %s)",
		store.Quote(l.From.Type), store.Quote(l.From.Value), store.Quote(l.To.Type), store.Quote(l.To.Value),
		store.Quote(l.To.Type), store.Quote(l.To.Value), store.Quote(l.From.Type), store.Quote(l.From.Value))
	t, err := db.Query(ctx, fmt.Sprintf(
		"SELECT row_id, source, occurred_at, (SELECT count(DISTINCT row_id) FROM %s WHERE %s) FROM %s WHERE %s ORDER BY occurred_at, row_id LIMIT 1",
		rel.SQL(), where, rel.SQL(), where), 1)
	if err != nil {
		return err
	}
	if len(t.Rows) == 0 {
		return nil
	}
	r := t.Rows[0]
	l.RowID, l.Source, l.OccurredAt = text(r[0]), text(r[1]), text(r[2])
	fmt.Sscan(text(r[3]), &l.Rows)
	return nil
}
