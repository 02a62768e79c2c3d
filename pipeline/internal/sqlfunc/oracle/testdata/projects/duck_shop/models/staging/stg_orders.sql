select
    order_id,
    customer_id,
    amount::decimal(10, 2) as amount,
    lower(status) as status,
    strptime(ordered_at, '%Y-%m-%d %H:%M:%S') as ordered_at,
    ordered_at::date as order_date,
    nullif(upper(trim(discount_code)), '') as discount_code,
    list_sort(list_distinct(string_split(nullif(items, ''), '|'))) as skus,
    len(string_split(nullif(items, ''), '|')) as item_count,
    shipping::json ->> 'method' as shipping_method,
    (shipping::json ->> 'cost')::decimal(10, 2) as shipping_cost,
    shipping::json -> 'address' ->> 'city' as ship_city,
    coalesce(shipping::json -> 'address' ->> 'zip', 'unknown') as ship_zip,
    status in ('completed', 'pending') as is_revenue
from {{ source('shop_raw', 'orders') }}
where ordered_at::date >= '{{ var("orders_since") }}'::date
