select
    customer_id,
    count(*) as orders,
    count(*) filter (where is_revenue) as revenue_orders,
    sum(amount) filter (where is_revenue) as revenue,
    min(ordered_at) as first_order_at,
    max(ordered_at) as last_order_at,
    arg_max(order_id, ordered_at) as last_order_id,
    list(order_id order by ordered_at) as order_ids,
    string_agg(distinct shipping_method, ', ' order by shipping_method) as shipping_methods,
    bool_or(discount_code is not null) as ever_discounted,
    bool_and(status = 'completed') as always_completed,
    median(amount) as median_amount,
    count(distinct discount_code) as discount_codes
from {{ ref('stg_orders') }}
group by all
