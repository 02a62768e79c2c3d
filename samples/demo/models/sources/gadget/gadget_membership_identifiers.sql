-- Every staff account belongs to its shop, with its role.
select
    event_id,
    'gadget_user_id' as person_identifier_type,
    user_id as person_identifier,
    'gadget_shop_id' as group_identifier_type,
    shop_id as group_identifier,
    role,
    occurred_at,
    'gadget' as source
from {{ ref('gadget_users_base') }}
