-- A usage event ties its user id to the user's emails; a user row ties
-- the id to its email.
select
    e.event_id,
    e.event_id as row_id,
    'user_id' as identifier_type,
    e.user_id::varchar as identifier_value,
    e.ts as occurred_at,
    'app' as source
from {{ ref('stg_usage') }} as e

union all

select
    e.event_id,
    e.event_id,
    'email',
    u.email,
    e.ts,
    'app'
from {{ ref('stg_usage') }} as e
join {{ ref('stg_users') }} as u using (user_id, workspace_id)
where u.email is not null and not u.is_test_address

union all

select
    'user-' || user_id || '-' || workspace_id,
    'user-' || user_id || '-' || workspace_id,
    unnest(['user_id', 'email']),
    unnest([user_id::varchar, email]),
    coalesce(last_seen_at, timestamp '2024-01-01'),
    'app'
from {{ ref('stg_users') }}
where email is not null and not is_test_address
