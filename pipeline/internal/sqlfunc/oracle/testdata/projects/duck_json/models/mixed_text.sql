select id, mixed::varchar as m, gone is null as g from read_json_auto('data/events.ndjson') order by id
