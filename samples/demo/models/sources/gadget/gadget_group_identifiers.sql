-- A shop is seen with its id, its own domain and its myshopify domain.
with shops as (
    select *
    from {{ source('gadget', 'shops') }}
),

identifiers as (
    select shop_id, installed_at, 'gadget_shop_id' as identifier_type, cast(shop_id as text) as identifier_value from shops
    union all
    select shop_id, installed_at, 'domain', {{ nexus.normalize_domain('custom_domain') }} from shops where nullif(custom_domain, '') is not null
    union all
    select shop_id, installed_at, 'domain', {{ nexus.normalize_domain('myshopify_domain') }} from shops
)

select
    'gadget_shop_' || shop_id || '_installed' as event_id,
    md5('gadget_shop_' || shop_id) as row_id,
    identifier_type,
    identifier_value,
    installed_at as occurred_at,
    'gadget' as source
from identifiers
