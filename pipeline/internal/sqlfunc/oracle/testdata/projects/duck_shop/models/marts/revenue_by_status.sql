-- Written in the SQL-standard PIVOT form: DuckDB's simplified statement
-- (pivot t on status in (...) using sum(amount) group by month) is refused
-- by the playground.
select *
from (select status, strftime(ordered_at, '%Y-%m') as month, amount from {{ ref('stg_orders') }})
pivot (sum(amount) for status in ('completed', 'refunded', 'pending', 'cancelled'))
order by month
