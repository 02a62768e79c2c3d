select e.id, events.kind from read_ndjson('data/events.ndjson') e join 'data/events.ndjson' as events using (id) order by 1
