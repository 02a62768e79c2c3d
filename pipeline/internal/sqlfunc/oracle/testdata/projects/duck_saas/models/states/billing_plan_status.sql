select
    workspace_id as group_id,
    'group' as entity_type,
    lower(plan) as state,
    started_on::timestamp as state_entered_at,
    coalesce(ended_on, lead(started_on) over (partition by workspace_id order by started_on))::timestamp as state_exited_at,
    ended_on is null and status = 'active' as is_current
from {{ ref('stg_subscriptions') }}
