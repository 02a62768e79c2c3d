-- The customer's name, email, phone and billing country, attached to the
-- customer id.
with customers as (
    select * from {{ ref('stripe_customers_clean') }}
),

traits as (
    select customer_id, created_at, 'name' as trait_name, name as trait_value from customers
    union all
    select customer_id, created_at, 'email', email from customers
    union all
    select customer_id, created_at, 'phone', phone from customers
    union all
    select customer_id, created_at, 'Billing Country', address_country from customers
)

select
    'stripe_customer_' || customer_id || '_created' as event_id,
    'stripe_customer_id' as identifier_type,
    customer_id as identifier_value,
    trait_name,
    trait_value,
    created_at as occurred_at,
    'stripe' as source
from traits
where trait_value is not null
