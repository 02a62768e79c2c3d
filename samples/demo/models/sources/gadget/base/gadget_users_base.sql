-- One row per staff account, our own staff and test accounts left out, the
-- email normalised. One row_id per account: its user id and email were seen
-- together.
select
    'gadget_user_' || user_id || '_joined' as event_id,
    md5('gadget_user_' || user_id) as row_id,
    cast(user_id as text) as user_id,
    cast(shop_id as text) as shop_id,
    {{ nexus.normalize_email('email') }} as email,
    first_name || ' ' || last_name as full_name,
    role,
    joined_at as occurred_at,
    synced_at
from {{ source('gadget', 'users') }}
where not {{ is_excluded_email('email') }}
