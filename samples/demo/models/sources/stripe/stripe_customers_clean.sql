-- Billing customers without test accounts, empty strings as NULL and the
-- phone reduced to digits. The other stripe models read this one.
select
    customer_id,
    {{ nexus.normalize_email("nullif(email, '')") }} as email,
    nullif(name, '') as name,
    {{ nexus.normalize_phone("nullif(phone, '')") }} as phone,
    nullif(business_name, '') as business_name,
    nullif(address_country, '') as address_country,
    cast(json_extract(metadata, '$.gadget_shop_id') as text) as gadget_shop_id,
    created_at,
    synced_at
from {{ source('stripe', 'customers') }}
where not {{ is_test_email('email') }}
