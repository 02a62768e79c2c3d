package inspect

import (
	"context"
	"fmt"

	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

// Joined checks whether identifiers were resolved into one entity (merged
// true) or not all into one (merged false, of the first two). It returns
// "" when they were, else what the built table says instead.
func Joined(ctx context.Context, db *store.DB, entity string, ids []Identifier, merged bool) (string, error) {
	if len(ids) < 2 {
		return "", fmt.Errorf("name two identifiers or more, got %d", len(ids))
	}
	t, err := Find(ctx, db, entity)
	if err != nil {
		return "", err
	}
	entity = t.Entity
	of := make([]string, len(ids))
	for i, id := range ids {
		q, err := db.Query(ctx, fmt.Sprintf("SELECT DISTINCT %s FROM %s WHERE identifier_type = %s AND identifier_value = %s",
			idColumn(entity), t.Resolved.SQL(), store.Quote(id.Type), store.Quote(id.Value)), 0)
		if err != nil {
			return "", err
		}
		if len(q.Rows) == 0 {
			return fmt.Sprintf("identifier %s is not in %s", id, t.Resolved), nil
		}
		of[i] = fmt.Sprint(q.Rows[0][0])
	}
	if merged {
		for i := 1; i < len(ids); i++ {
			if of[i] != of[0] {
				return fmt.Sprintf("%s is %s %s but %s is %s %s; explain why with nexus explain %s %s",
					ids[0], entity, of[0], ids[i], entity, of[i], ids[0], ids[i]), nil
			}
		}
		return "", nil
	}
	if of[0] == of[1] {
		return fmt.Sprintf("%s and %s are one %s, %s", ids[0], ids[1], entity, of[0]), nil
	}
	return "", nil
}
