select id, amount * 2 as amount2, kind, on_day + 1 as next_day, seen_at + interval 1 hour as later, not ok as nok, extra, mixed, gone from read_json_auto('data/events.ndjson') order by id
