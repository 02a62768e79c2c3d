select * from read_json_auto('data/events.ndjson')
