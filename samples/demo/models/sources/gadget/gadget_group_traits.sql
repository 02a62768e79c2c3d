-- Name, domain and Shopify plan of each shop, attached to its id.
with shops as (
    select *
    from {{ source('gadget', 'shops') }}
),

traits as (
    select shop_id, installed_at, 'name' as trait_name, shop_name as trait_value from shops
    union all
    select shop_id, installed_at, 'domain', {{ nexus.normalize_domain('custom_domain') }} from shops where nullif(custom_domain, '') is not null
    union all
    select shop_id, installed_at, 'Shopify Plan', plan_name from shops
)

select
    'gadget_shop_' || shop_id || '_installed' as event_id,
    'gadget_shop_id' as identifier_type,
    cast(shop_id as text) as identifier_value,
    trait_name,
    trait_value,
    installed_at as occurred_at,
    'gadget' as source
from traits
