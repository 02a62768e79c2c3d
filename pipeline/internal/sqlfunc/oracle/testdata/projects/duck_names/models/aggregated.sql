select count(*), count(name), count(distinct name), sum(price), avg(id), min(sold_on), max(name),
  sum(price) / count(*), count(*) * 1.0
from {{ ref('items') }}
