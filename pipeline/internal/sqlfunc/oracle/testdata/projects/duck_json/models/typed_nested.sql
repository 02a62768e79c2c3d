select id, s, l from read_json_auto('data/nested.ndjson', columns = {'id': 'BIGINT', 's': 'VARCHAR', 'l': 'VARCHAR'}) order by id
