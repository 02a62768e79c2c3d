package dialect

import (
	"strings"
	"testing"
)

// Snowflake's USE of the role, the warehouse, or the session's own
// database and schema is taken out of a hook's SQL, its line breaks kept;
// USE of another database or schema is refused by name.
func TestSnowflakeUse(t *testing.T) {
	for _, c := range []struct {
		hook, rest, wantErr string
	}{
		{hook: "use database analytics;\nselect 1", rest: "\nselect 1"},
		{hook: "USE ANALYTICS;\nselect 1", rest: "\nselect 1"},
		{hook: "use schema dev;\nuse schema \"ANALYTICS\".dev;\nselect 1", rest: "\n\nselect 1"},
		{hook: "use role transformer;\nuse warehouse wh;\nuse secondary roles all;\nselect 1", rest: "\n\n\nselect 1"},
		{hook: "use database analytics;\ncreate function area(r float) returns float as $$ pi() * r * r $$;\nselect 1", rest: "\n\nselect 1"},
		{hook: "select 1 as use", rest: "select 1 as use"},
		{hook: "use database raw;\nselect 1", wantErr: "1:1: USE DATABASE raw is not supported: the session's database is the target's, analytics, here"},
		{hook: "select 1;\nuse schema other", wantErr: "2:1: USE SCHEMA other is not supported: the session's schema is the target's, dev, here"},
		{hook: "use schema raw.dev", wantErr: "1:1: USE SCHEMA raw.dev is not supported"},
	} {
		defs := Defs{Schema: "dev", Database: "analytics"}
		rest, err := TakeDefinitions(snowflake, c.hook, &defs)
		if c.wantErr != "" {
			if !strings.Contains(errorAt(err), c.wantErr) {
				t.Errorf("%q: %q, want %q", c.hook, errorAt(err), c.wantErr)
			}
			continue
		}
		if err != nil || rest != c.rest {
			t.Errorf("%q left %q, %v; want %q", c.hook, rest, err, c.rest)
		}
	}
}
