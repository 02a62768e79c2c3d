-- spend_2d is written as a ROWS frame: the playground refuses
-- RANGE BETWEEN INTERVAL 1 DAY PRECEDING AND CURRENT ROW (SQLite's RANGE
-- offsets are numbers).
with sessions as (
    select utm_source as network, started_at::date as day, count(*) as sessions, sum(duration_s) as seconds
    from {{ ref('stg_sessions') }}
    where utm_source <> ''
    group by all
)
select
    coalesce(s.network, p.network) as network,
    coalesce(s.day, p.spend_day) as day,
    coalesce(p.spend, 0) as spend,
    coalesce(s.sessions, 0) as sessions,
    s.seconds,
    coalesce(p.spend, 0) / nullif(s.sessions, 0) as cost_per_session,
    dense_rank() over (partition by coalesce(s.network, p.network) order by coalesce(p.spend, 0) desc) as spend_rank,
    cume_dist() over (order by coalesce(p.spend, 0)) as spend_cume,
    sum(coalesce(p.spend, 0)) over (partition by coalesce(s.network, p.network) order by coalesce(s.day, p.spend_day)
        rows between 1 preceding and current row) as spend_2d,
    nth_value(coalesce(s.day, p.spend_day), 2) over (partition by coalesce(s.network, p.network) order by coalesce(s.day, p.spend_day)
        rows between unbounded preceding and unbounded following) as second_day
from sessions as s
full outer join (
    select network, spend_day, sum(spend) as spend from {{ ref('stg_spend') }} group by all
) as p on p.network = s.network and p.spend_day = s.day
order by all
