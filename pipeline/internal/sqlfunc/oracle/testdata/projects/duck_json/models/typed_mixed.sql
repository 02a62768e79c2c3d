select id, mixed from read_json('data/events.ndjson', columns = {'id': 'BIGINT', 'mixed': 'VARCHAR'}) order by id
