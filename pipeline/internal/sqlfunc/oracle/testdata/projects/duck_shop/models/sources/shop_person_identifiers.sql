-- An event's anonymous id and email are seen together; a customer row
-- ties its id to its email.
with from_events as (
    select event_id, occurred_at, anonymous_id, email
    from {{ ref('stg_events') }}
),
pairs as (
    select event_id, occurred_at, 'anonymous_id' as identifier_type, anonymous_id as identifier_value
    from from_events
    union all
    select event_id, occurred_at, 'email', email
    from from_events
    where email is not null
    union all
    select 'order-' || order_id, ordered_at, 'customer_id', customer_id::varchar
    from {{ ref('stg_orders') }}
    union all
    select 'customer-' || customer_id, signup_at::timestamp, 'customer_id', customer_id::varchar
    from {{ ref('stg_customers') }}
    union all
    select 'customer-' || customer_id, signup_at::timestamp, 'email', email
    from {{ ref('stg_customers') }}
    where email is not null
)
select
    event_id,
    {{ dbt_utils.generate_surrogate_key(['event_id']) }} as row_id,
    identifier_type,
    identifier_value,
    coalesce(occurred_at, timestamp '2024-01-01') as occurred_at,
    'shop' as source
from pairs
