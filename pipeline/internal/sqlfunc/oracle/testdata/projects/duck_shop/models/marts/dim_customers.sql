select
    c.customer_id,
    c.email,
    c.full_name,
    c.country,
    c.is_vip,
    c.signup_at::date as signup_date,
    strftime(c.signup_at, '%Y-%m') as signup_month,
    coalesce(o.orders, 0) as orders,
    coalesce(o.revenue, 0)::decimal(12, 2) as revenue,
    o.last_order_id,
    o.order_ids,
    o.shipping_methods,
    o.ever_discounted,
    o.always_completed,
    o.median_amount,
    date_diff('day', c.signup_at::date, o.first_order_at::date) as days_to_first_order,
    ntile(3) over (order by coalesce(o.revenue, 0) desc, c.customer_id) as revenue_tercile,
    round(percent_rank() over (order by coalesce(o.revenue, 0), c.customer_id), 4) as revenue_percentile,
    case
        when o.revenue >= {{ var('big_order_threshold') }} then 'high'
        when o.revenue > 0 then 'low'
        else 'none'
    end as value_band,
    r.customer_id as referred_by_customer_id
from {{ ref('stg_customers') }} as c
left join {{ ref('int_customer_orders') }} as o using (customer_id)
left join {{ ref('stg_customers') }} as r on r.email = c.referrer_email
