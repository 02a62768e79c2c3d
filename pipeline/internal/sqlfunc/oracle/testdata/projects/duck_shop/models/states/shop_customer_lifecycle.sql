-- A customer is 'new' from signup, 'active' from their first revenue
-- order, and 'lapsed' once 30 days pass without one.
with orders as (
    select customer_id, ordered_at
    from {{ ref('stg_orders') }}
    where is_revenue
),
changes as (
    select c.customer_id, 'new' as state, c.signup_at::timestamp as changed_at
    from {{ ref('stg_customers') }} as c
    where c.signup_at is not null
    union all
    select customer_id, 'active', min(ordered_at) from orders group by customer_id
    union all
    select customer_id, 'lapsed', max(ordered_at) + interval 30 day from orders group by customer_id
),
timeline as (
    select
        customer_id,
        state,
        changed_at as state_entered_at,
        lead(changed_at) over (partition by customer_id order by changed_at) as state_exited_at
    from changes
)
select
    customer_id::varchar as person_id,
    state,
    state_entered_at,
    state_exited_at,
    state_exited_at is null as is_current
from timeline
