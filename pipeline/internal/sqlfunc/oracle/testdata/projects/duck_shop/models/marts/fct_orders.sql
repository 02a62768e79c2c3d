select
    o.* exclude (skus),
    o.amount + coalesce(o.shipping_cost, 0) as total_paid,
    (o.amount * 100)::bigint // 1000 as amount_tens,
    o.item_count / 2 as half_items,
    date_trunc('month', o.ordered_at) as order_month,
    dayname(o.ordered_at) as order_weekday,
    epoch_ms(o.ordered_at) as ordered_at_ms,
    lag(o.ordered_at, 1, null) over (partition by o.customer_id order by o.ordered_at) as previous_order_at,
    lead(o.amount, 1, 0) over (partition by o.customer_id order by o.ordered_at) as next_amount,
    row_number() over (partition by o.customer_id order by o.ordered_at) as order_seq,
    date_diff('day',
        lag(o.ordered_at) over (partition by o.customer_id order by o.ordered_at),
        o.ordered_at) as days_since_previous,
    sum(o.amount) over (partition by o.customer_id order by o.ordered_at
        rows between unbounded preceding and current row) as running_amount,
    array_to_string(o.skus, ',') as sku_list,
    list_contains(o.skus, 'sku-1') as has_sku_1
from {{ ref('stg_orders') }} as o
