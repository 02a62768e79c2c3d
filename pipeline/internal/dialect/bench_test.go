package dialect

import (
	"strings"
	"testing"
)

// BenchmarkTranslate runs a source model of about 40 lines with casts,
// strings and comments, the usual shape of a staging model.
func BenchmarkTranslate(b *testing.B) {
	model := strings.Repeat(`select
    e.id::string as event_id,                -- keep leading zeros
    cast(e.created_at as timestamp) as occurred_at,
    coalesce(e.payload, '{}')::text as properties,
    safe_cast(e.amount as numeric(10,2)) as event_value,
    case when e.kind ilike 'pay%' then 'payment' else 'other' end::varchar(20) as event_type,
    current_timestamp() as synced_at
from raw.events e /* raw rows */
where e.id is not null and e.note != 'x::int'
`, 4)
	b.SetBytes(int64(len(model)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Translate(model); err != nil {
			b.Fatal(err)
		}
	}
}
