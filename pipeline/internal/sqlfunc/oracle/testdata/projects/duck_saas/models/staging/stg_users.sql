-- A user can belong to several workspaces: one row per membership.
select
    user_id,
    workspace_id,
    nullif(lower(trim(email)), '') as email,
    split_part(lower(email), '@', 2) as email_domain,
    regexp_matches(email, '\+test@') as is_test_address,
    lower(role) as role,
    is_active::boolean as is_active,
    epoch_ms(last_seen_ms) as last_seen_at,
    invited_by
from {{ source('app_raw', 'users') }}
