select event_name, cast(occurred_at as date) as day, count(*) as n, sum(amount) as amount
from {{ source('raw', 'events') }}
group by all
order by all
