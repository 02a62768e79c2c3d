-- A staff account is seen with its user id and email (one row_id per
-- account); a shop's install is seen with its owner's user id and the shop's
-- contact phone (one row_id per shop). Phones are reduced to digits so they
-- meet the same number written differently in stripe.
with users as (
    select *
    from {{ source('gadget', 'users') }}
    where not {{ is_excluded_email('email') }}
),

shops as (
    select *
    from {{ source('gadget', 'shops') }}
)

select
    'gadget_user_' || user_id || '_joined' as event_id,
    md5('gadget_user_' || user_id) as row_id,
    'gadget_user_id' as identifier_type,
    cast(user_id as text) as identifier_value,
    joined_at as occurred_at,
    'gadget' as source
from users

union all

select
    'gadget_user_' || user_id || '_joined' as event_id,
    md5('gadget_user_' || user_id) as row_id,
    'email' as identifier_type,
    {{ nexus.normalize_email('email') }} as identifier_value,
    joined_at as occurred_at,
    'gadget' as source
from users

union all

select
    'gadget_shop_' || shop_id || '_installed' as event_id,
    md5('gadget_shop_owner_' || shop_id) as row_id,
    'gadget_user_id' as identifier_type,
    cast(owner_user_id as text) as identifier_value,
    installed_at as occurred_at,
    'gadget' as source
from shops

union all

select
    'gadget_shop_' || shop_id || '_installed' as event_id,
    md5('gadget_shop_owner_' || shop_id) as row_id,
    'phone' as identifier_type,
    {{ nexus.normalize_phone('owner_phone') }} as identifier_value,
    installed_at as occurred_at,
    'gadget' as source
from shops
where nullif(owner_phone, '') is not null
