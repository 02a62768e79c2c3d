-- a source dbt-external-tables stages from a CSV file, and a path in FROM,
-- which DuckDB reads as read_csv_auto does, named after the file
select s.reason, returned_orders.returned_on, count(*) over () as returns
from {{ source('staged', 'returned_orders') }} s
join 'lake/returned_orders.csv' using (order_id)
