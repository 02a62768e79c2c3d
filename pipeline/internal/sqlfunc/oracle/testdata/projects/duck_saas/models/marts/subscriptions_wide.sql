select
    {{ dbt_utils.star(from=ref('stg_subscriptions'), except=['arr', 'mrr_per_seat']) }},
    {{ dbt_utils.generate_surrogate_key(['workspace_id', 'plan']) }} as plan_key,
    coalesce(ended_on, date '2024-03-31') - started_on as days_on_plan,
    date_trunc('month', started_on) as start_month,
    started_on + interval 1 month as first_renewal,
    lag(plan, 1, 'NONE') over (partition by workspace_id order by started_on) as previous_plan,
    sum(mrr) over (partition by workspace_id) as workspace_mrr_total
from {{ ref('stg_subscriptions') }}
