-- Name, email and role of each staff account, attached to its user id.
with users as (
    select *
    from {{ source('gadget', 'users') }}
    where not {{ is_excluded_email('email') }}
),

traits as (
    select user_id, joined_at, 'name' as trait_name, first_name || ' ' || last_name as trait_value from users
    union all
    select user_id, joined_at, 'email', {{ nexus.normalize_email('email') }} from users
    union all
    select user_id, joined_at, 'Shop Role', role from users
)

select
    'gadget_user_' || user_id || '_joined' as event_id,
    'gadget_user_id' as identifier_type,
    cast(user_id as text) as identifier_value,
    trait_name,
    trait_value,
    joined_at as occurred_at,
    'gadget' as source
from traits
