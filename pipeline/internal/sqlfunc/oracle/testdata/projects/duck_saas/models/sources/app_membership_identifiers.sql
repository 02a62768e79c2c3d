select
    'user-' || u.user_id || '-' || u.workspace_id as event_id,
    'user_id' as person_identifier_type,
    u.user_id::varchar as person_identifier,
    'workspace_id' as group_identifier_type,
    u.workspace_id as group_identifier,
    u.role,
    coalesce(u.last_seen_at, w.created_at::timestamp) as occurred_at,
    'app' as source
from {{ ref('stg_users') }} as u
join {{ ref('stg_workspaces') }} as w using (workspace_id)
where not w.is_internal
