with spine as (
    {{ dbt_utils.date_spine(
        datepart="day",
        start_date="cast('" ~ var('report_start') ~ "' as date)",
        end_date="(cast('" ~ var('report_start') ~ "' as date) + interval " ~ var('report_days') ~ " day)"
    ) }}
),
usage as (
    select ts::date as day, count(*) as events, count(distinct user_id) as users,
        count(*) filter (where action = 'export') as exports
    from {{ ref('stg_usage') }}
    group by all
)
select
    spine.date_day::date as day,
    coalesce(usage.events, 0) as events,
    coalesce(usage.users, 0) as users,
    coalesce(usage.exports, 0) as exports,
    avg(coalesce(usage.events, 0)) over (order by spine.date_day rows between 2 preceding and current row) as events_3d_avg,
    date_diff('day', date '{{ var("report_start") }}', spine.date_day::date) as day_index,
    (date_diff('day', date '{{ var("report_start") }}', spine.date_day::date) // 7) + 1 as report_week
from spine
left join usage on usage.day = spine.date_day::date
order by all
