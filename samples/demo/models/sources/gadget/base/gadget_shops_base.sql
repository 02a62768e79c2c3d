-- One row per shop: its latest record (get_first_or_last_row, as dbt-nexus's
-- demo base models keep it), with empty strings as NULL and domains and the
-- owner's phone normalised, so the shop's identifiers meet the same values
-- written differently elsewhere. The other gadget models read this one.
with source_data as (
    select
        'gadget_shop_' || shop_id || '_installed' as event_id,
        md5('gadget_shop_' || shop_id) as row_id,
        md5('gadget_shop_owner_' || shop_id) as owner_row_id,
        cast(shop_id as text) as shop_id,
        shop_name,
        {{ nexus.normalize_domain("nullif(custom_domain, '')") }} as custom_domain,
        {{ nexus.normalize_domain('myshopify_domain') }} as myshopify_domain,
        cast(owner_user_id as text) as owner_user_id,
        {{ nexus.normalize_phone("nullif(owner_phone, '')") }} as owner_phone,
        plan_name,
        installed_at as occurred_at,
        synced_at
    from {{ source('gadget', 'shops') }}
),

with_latest as (
    {{ nexus.get_first_or_last_row(
        source='source_data',
        partition_by='shop_id',
        order_by='synced_at',
        column_label='is_latest',
        get='last'
    ) }}
)

select
    event_id,
    row_id,
    owner_row_id,
    shop_id,
    shop_name,
    custom_domain,
    myshopify_domain,
    owner_user_id,
    owner_phone,
    plan_name,
    occurred_at,
    synced_at
from with_latest
where is_latest
