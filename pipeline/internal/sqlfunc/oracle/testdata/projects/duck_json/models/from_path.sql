select orders.order_id, read_json.on_day from 'data/orders.json', read_json('data/events.ndjson', format = 'newline_delimited', records = 'auto', auto_detect = true) order by 1, 2
