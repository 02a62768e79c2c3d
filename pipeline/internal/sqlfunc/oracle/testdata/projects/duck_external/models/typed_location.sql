select a + 1 as a1, ts + interval 1 hour as ts1, cast(ts as varchar) as ts_text from {{ ref('by_location') }}
