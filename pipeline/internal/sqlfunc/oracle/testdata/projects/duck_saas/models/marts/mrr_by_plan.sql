select
    workspace_id,
    {{ dbt_utils.pivot('plan', ['STARTER', 'GROWTH', 'TRIAL'], agg='sum', then_value='mrr', else_value=0) }}
from {{ ref('stg_subscriptions') }}
group by workspace_id
order by workspace_id
