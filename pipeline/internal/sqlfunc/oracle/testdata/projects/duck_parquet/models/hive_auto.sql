-- the yr=/d= folders are columns, detected as DuckDB detects them
select *, d + 1 as next_day, yr * 100 as yr100
from read_parquet('data/hive/*/*/*.parquet')
