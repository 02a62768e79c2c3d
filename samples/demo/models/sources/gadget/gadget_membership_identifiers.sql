-- Every staff account belongs to its shop, with its role.
select
    'gadget_user_' || user_id || '_joined' as event_id,
    'gadget_user_id' as person_identifier_type,
    cast(user_id as text) as person_identifier,
    'gadget_shop_id' as group_identifier_type,
    cast(shop_id as text) as group_identifier,
    role,
    joined_at as occurred_at,
    'gadget' as source
from {{ source('gadget', 'users') }}
where not {{ is_excluded_email('email') }}
