-- A customer is also the account of a company: seen with its id, the shop
-- id the app stores in its metadata, and its email's company domain.
with customers as (
    select * from {{ ref('stripe_customers_clean') }}
),

identifiers as (
    select customer_id, created_at, 'stripe_customer_id' as identifier_type, customer_id as identifier_value from customers
    union all
    select customer_id, created_at, 'gadget_shop_id', gadget_shop_id from customers where gadget_shop_id is not null
    union all
    select customer_id, created_at, 'domain', {{ nexus.email_domain('email') }} from customers
    where email is not null
        and not {{ is_generic_domain(nexus.email_domain('email')) }}
        and not {{ is_excluded_email('email') }}
)

select
    'stripe_customer_' || customer_id || '_created' as event_id,
    md5('stripe_account_' || customer_id) as row_id,
    identifier_type,
    identifier_value,
    created_at as occurred_at,
    'stripe' as source
from identifiers
