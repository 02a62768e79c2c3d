-- dbt's columns of a snapshot are timestamps: their dates and months,
-- formatted and moved, as a model reading a snapshot takes them.
select
    s.plan_id,
    date_trunc('month', s.dbt_valid_from)::date as valid_from_month,
    s.dbt_valid_from + interval 1 day as day_after,
    strftime(s.dbt_updated_at, '%Y/%m/%d %H:%M') as updated_text,
    s.dbt_valid_from::varchar as valid_from_text,
    case when s.dbt_valid_to is null then 'current' else 'closed' end as state,
    c.dbt_valid_from::date <= current_date as checked_today_or_before,
    c.dbt_valid_to is null as checked_current
from {{ ref('plans_snapshot') }} as s
join {{ ref('plans_checked') }} as c using (plan_id)
