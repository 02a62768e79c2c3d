select c.id, c.name, c.signed_up + interval 1 day as day_after, c.address.city, c.tags, c.score,
  count(e.customer_id) as events, sum(e.amount) as amount, max(e.at_time) as last_at
from {{ source('raw', 'customers') }} c
left join {{ source('raw', 'visits') }} e on e.customer_id = c.id
group by all
order by 1
