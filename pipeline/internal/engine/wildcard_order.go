package engine

import (
	"fmt"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
)

// A model naming a BigQuery wildcard table in its SQL
// (`project.dataset.events_*`) has no ref() to the models whose tables the
// wildcard names, so dbt runs it in no set order with them, as it is
// here: it reads the tables present when it runs. Where such a model's
// table is not built yet, the union would silently lack it: the model
// fails instead, naming the model and the depends_on line that orders
// them. A source whose identifier is a wildcard is ordered after those
// models by the graph (plan.sourceModels).

// unbuiltWildcardModels are the models, not upstream of the model being
// run, whose tables schema.prefix* names and which are not among rels.
func (r *runner) unbuiltWildcardModels(schema, prefix string, rels []dialect.Relation) []string {
	cur := r.current
	if cur == nil {
		return nil
	}
	have := map[string]bool{}
	for _, rel := range rels {
		have[relKey(schema, rel.Name)] = true
	}
	upstream := map[string]bool{}
	var walk func(id string)
	walk = func(id string) {
		for _, p := range r.plan.graph.Parents(id) {
			if !upstream[p] {
				upstream[p] = true
				walk(p)
			}
		}
	}
	walk(cur.ID)
	var out []string
	for _, n := range r.plan.graph.Order() {
		if n.Kind != "model" || n.ID == cur.ID || upstream[n.ID] {
			continue
		}
		if key, ephemeral := r.plan.nodeRel(n); !ephemeral && strings.HasPrefix(key, relKey(schema, prefix)) && !have[key] {
			out = append(out, n.Name)
		}
	}
	return out
}

// wildcardOrderError says that models builds tables a wildcard names after
// the model reading it, and how to order them.
func wildcardOrderError(models []string) error {
	refs := make([]string, len(models))
	for i, m := range models {
		refs[i] = "{{ ref('" + m + "') }}"
	}
	return fmt.Errorf("model %s builds a table it names, which is not built yet: dbt orders models by ref() alone, so this model runs in no set order with %s; add the line -- depends_on: %s to this model to read %s, or narrow the prefix so that it does not name %s",
		strings.Join(models, ", "), oneOrMore(len(models), "it", "them"), strings.Join(refs, " "), oneOrMore(len(models), "its table", "their tables"), oneOrMore(len(models), "it", "them"))
}

func oneOrMore(n int, one, more string) string {
	if n == 1 {
		return one
	}
	return more
}
