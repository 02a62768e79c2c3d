-- A calendar of every day of the shop's first quarter, with its revenue.
with days as (
    select unnest(generate_series(date '2024-01-01', date '2024-03-31', interval 1 day))::date as day
),
daily as (
    select order_date as day, sum(amount) as revenue, count(*) as orders
    from {{ ref('stg_orders') }}
    where is_revenue
    group by all
)
select
    d.day,
    strftime(d.day, '%a %d %b') as label,
    date_part('isodow', d.day) as iso_weekday,
    week(d.day) as week_number,
    coalesce(daily.revenue, 0) as revenue,
    coalesce(daily.orders, 0) as orders,
    sum(coalesce(daily.revenue, 0)) over (order by d.day rows between 6 preceding and current row) as revenue_7d,
    last_day(d.day) as month_end,
    d.day + interval 30 day as due_day
from days as d
left join daily using (day)
order by all
