select
    c.customer_id,
    c.zipcode,
    c.name,
    c.signed_up + interval 1 day as day_after,
    c.active and c.score > 0 as active_positive,
    c.note is null as no_note,
    count(o.order_id) as orders,
    sum(o.amount) as amount,
    max(o.ordered_at) as last_ordered_at,
    count(r.order_id) as returns
from {{ source('raw', 'customers') }} c
left join {{ source('raw', 'orders') }} o on o.customer_id = c.customer_id
left join {{ source('raw', 'returns') }} r on r.order_id = o.order_id
group by all
