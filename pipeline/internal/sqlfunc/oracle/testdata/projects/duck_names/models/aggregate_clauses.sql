select count(*) filter (where id > 1), sum(price) filter (where name is not null), count(distinct name) filter (id > 0),
  string_agg(name, ',' order by id desc), percentile_cont(0.5) within group (order by price)
from {{ ref('items') }}
