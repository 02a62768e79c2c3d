select
    'customer-' || customer_id as event_id,
    'customer_id' as identifier_type,
    customer_id::varchar as identifier_value,
    trait_name,
    trait_value,
    coalesce(signup_at::timestamp, timestamp '2024-01-01') as occurred_at,
    'shop' as source
from (
    select
        customer_id,
        signup_at,
        full_name as name,
        country,
        is_vip::varchar as is_vip,
        left(first_name, 1) || '.' as initial
    from {{ ref('stg_customers') }}
) unpivot (trait_value for trait_name in (name, country, is_vip, initial))
