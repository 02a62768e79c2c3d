select json::varchar as j, json->>'id' as id from read_json_objects('data/events.ndjson') order by 2
