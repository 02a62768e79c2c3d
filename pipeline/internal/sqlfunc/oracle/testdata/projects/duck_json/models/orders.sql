select order_id, customer, total / 2 as half, placed, note from read_json('data/orders.json', format = 'array', maximum_object_size = 1048576) order by 1
