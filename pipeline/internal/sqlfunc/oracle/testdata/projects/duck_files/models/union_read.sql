-- files gaining a column, read by name
select order_id, amount, channel, amount * 2 as doubled
from read_csv('lake/evolving/*.csv', union_by_name = true)
