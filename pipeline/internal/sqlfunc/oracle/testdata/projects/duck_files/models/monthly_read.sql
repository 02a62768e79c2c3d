-- a glob of monthly files, read as one table
select order_id, amount, placed, placed + 1 as next_day, amount * 2 as doubled
from read_csv_auto('lake/monthly/*.csv')
