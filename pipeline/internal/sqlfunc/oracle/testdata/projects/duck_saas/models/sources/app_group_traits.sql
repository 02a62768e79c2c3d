select
    'workspace-' || workspace_id as event_id,
    'workspace_id' as identifier_type,
    workspace_id as identifier_value,
    trait_name,
    trait_value,
    created_at::timestamp as occurred_at,
    'app' as source
from (
    select workspace_id, created_at, name, region, seat_limit::varchar as seat_limit
    from {{ ref('stg_workspaces') }}
    where not coalesce(is_internal, false)
) unpivot include nulls (trait_value for trait_name in (name, region, seat_limit))
