-- Storefront events and orders, one event log.
select
    event_id,
    occurred_at,
    event_name,
    concat_ws(' ', 'Storefront', replace(event_name, '_', ' '), page_path) as event_description,
    qty::double as event_value,
    case when qty is not null then 'items' end as value_unit,
    case event_name when 'signed_up' then 'high' when 'add_to_cart' then 'medium' else 'low' end as event_significance,
    'web' as event_type,
    'shop' as source,
    'shop_raw_events' as source_table
from {{ ref('stg_events') }}

union all by name

select
    'order-' || order_id as event_id,
    ordered_at as occurred_at,
    'order_' || status as event_name,
    format('Order {} of {} item(s)', order_id, item_count) as event_description,
    amount::double as event_value,
    'usd' as value_unit,
    'high' as event_significance,
    'commerce' as event_type,
    'shop' as source,
    'shop_raw_orders' as source_table
from {{ ref('stg_orders') }}
