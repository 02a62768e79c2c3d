-- items without aliases whose names DuckDB prints with their clauses:
-- windows (a named one, frames), FILTER, an aggregate's ORDER BY,
-- WITHIN GROUP, intervals and EXTRACT
select
  row_number() over (order by id), rank() OVER (PARTITION BY name ORDER BY id DESC NULLS LAST),
  sum(price) over w, count(*) over (w order by id), lag(id, 1) over (order by id asc),
  avg(id) over (order by id rows between 1 preceding and current row), sum(id) over (order by id rows unbounded preceding),
  sum(id) over (order by id range between unbounded preceding and current row),
  first_value(name ignore nulls) over (order by id), count(distinct name) over (partition by id),
  sum(id) filter (where id > 1) over (),
  count(*) filter (where id > 1) over (partition by name),
  extract(year from sold_on), extract('month' from sold_on), extract(dow from sold_on), extract(days from sold_on),
  sold_on + interval 3 month, interval 1 day, interval '2 hours', interval (id) minute, interval 90 seconds,
  id::decimal(5), price::numeric(12, 4)
from {{ ref('items') }}
window w as (partition by name)
