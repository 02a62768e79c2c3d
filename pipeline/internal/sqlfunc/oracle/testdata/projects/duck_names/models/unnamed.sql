select
  id, items.name, (price), id + 1, id * 2 + 1, -id, price / 2, id % 2, id // 2, name || '!',
  cast(id as bigint), id::int, price::decimal(10, 2), id::varchar, name::text, try_cast(name as integer),
  upper(name), UPPER(name), left(name, 1), substring(name, 1, 2), trim(name), replace(name, 'A', 'a'),
  coalesce(name, '?'), ifnull(name, '?'), round(price, 1),
  id = 1, id <> 2, id >= 2, id between 1 and 2, id not between 1 and 2, id in (1, 3), id not in (1, 3),
  name is null, name is not null, name like 'A%', name not ilike 'b%', id is distinct from 2,
  not (id = 1), id = 1 and price > 2 and name is not null, id = 1 or id = 2,
  case when id = 1 then 'one' when id = 2 then 'two' end, case id when 3 then 'three' else 'other' end,
  1, 2.50, 'text'
from {{ ref('items') }}
