select
    'user-' || user_id || '-' || workspace_id as event_id,
    'user_id' as identifier_type,
    user_id::varchar as identifier_value,
    'email_domain' as trait_name,
    email_domain as trait_value,
    coalesce(last_seen_at, timestamp '2024-01-01') as occurred_at,
    'app' as source
from {{ ref('stg_users') }}
where email_domain is not null and email_domain <> ''
