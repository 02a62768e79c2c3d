{{ config(materialized='incremental', unique_key='order_id') }}

select
    order_id,
    customer_id,
    amount,
    ordered_at,
    quantile_cont(amount, 0.5) over (partition by customer_id) as customer_median
from {{ ref('stg_orders') }}
{% if is_incremental() %}
where ordered_at > (select max(ordered_at) from {{ this }})
{% endif %}
