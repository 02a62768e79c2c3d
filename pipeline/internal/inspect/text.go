package inspect

import (
	"fmt"
	"io"
	"strings"
)

// WriteText prints an explanation as the CLI shows it: one line per
// identifier of the chain with its entity id, and between two identifiers
// the source row of the edge joining them.
func WriteText(w io.Writer, e *Explanation) {
	hops := e.Hops()
	if hops == 0 {
		fmt.Fprintf(w, "%s is the same identifier as %s (%s %s).\n", e.A, e.B, e.Entity, e.EntityA)
		return
	}
	fmt.Fprintf(w, "%s and %s are joined by a chain of %s in %s:\n\n", e.A, e.B, plural(hops, "edge"), e.Edges)
	width := len(e.Chain[0].From.String())
	for _, l := range e.Chain {
		width = max(width, len(l.To.String()))
	}
	node := func(id Identifier, ent string) {
		fmt.Fprintf(w, "  %-*s  %s %s\n", width, id, e.Entity, orNone(ent))
	}
	node(e.Chain[0].From, e.Chain[0].FromEntity)
	for i, l := range e.Chain {
		row := fmt.Sprintf("row %s of %s", l.RowID, orNone(l.Source))
		if l.OccurredAt != "" {
			row += " at " + l.OccurredAt
		}
		if l.Rows > 1 {
			row += fmt.Sprintf(" (%d rows join them)", l.Rows)
		}
		fmt.Fprintf(w, "    | edge %d: %s\n", i+1, row)
		node(l.To, l.ToEntity)
	}
	fmt.Fprintln(w)
	if e.EntityA == e.EntityB {
		fmt.Fprintf(w, "Built: one %s, %s.\n", e.Entity, orNone(e.EntityA))
	} else {
		fmt.Fprintf(w, "Built: two %ss, %s and %s.\n", e.Entity, orNone(e.EntityA), orNone(e.EntityB))
	}
	switch {
	case e.BoundedSplits:
		fmt.Fprintf(w, "bounded at nexus_max_recursion %d splits them: the chain has %s, more than the bound; exact resolution, or nexus_max_recursion %d, keeps them one %s.\n",
			e.MaxRecursion, plural(hops, "edge"), hops, e.Entity)
	case e.LongerThanBound:
		fmt.Fprintf(w, "The chain has %s, more than nexus_max_recursion %d, yet bounded keeps them one %s through a shorter reach of the smallest identifier.\n",
			plural(hops, "edge"), e.MaxRecursion, e.Entity)
	default:
		fmt.Fprintf(w, "bounded at nexus_max_recursion %d keeps them one %s: the chain of %s fits within the bound.\n",
			e.MaxRecursion, e.Entity, plural(hops, "edge"))
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, strings.TrimSuffix(word, "s"))
}
