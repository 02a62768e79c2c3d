select
    'workspace-' || workspace_id as event_id,
    'workspace-' || workspace_id as row_id,
    unnest(['workspace_id', 'domain']) as identifier_type,
    unnest([workspace_id, domain]) as identifier_value,
    created_at::timestamp as occurred_at,
    'app' as source
from {{ ref('stg_workspaces') }}
where not coalesce(is_internal, false)
