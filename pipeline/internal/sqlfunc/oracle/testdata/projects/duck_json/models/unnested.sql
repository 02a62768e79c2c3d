select id, unnest(items).k as k from read_json_auto('data/nested.ndjson') order by id, k
