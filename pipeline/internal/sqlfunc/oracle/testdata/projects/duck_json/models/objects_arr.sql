select json::varchar as j from read_json_objects('data/orders.json') order by 1
