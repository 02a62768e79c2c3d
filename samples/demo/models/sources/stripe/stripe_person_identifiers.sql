-- A customer is seen with its id, email and phone (one row_id per
-- customer); each invoice with the customer id and the email it was sent to
-- (one row_id per invoice), which may be another address of the same person.
with customers as (
    select * from {{ ref('stripe_customers_clean') }}
),

invoices as (
    select *
    from {{ source('stripe', 'invoices') }}
    where customer_id in (select customer_id from customers)
),

identifiers as (
    select 'stripe_customer_' || customer_id || '_created' as event_id, 'stripe_customer_' || customer_id as row_key, created_at, 'stripe_customer_id' as identifier_type, customer_id as identifier_value from customers
    union all
    select 'stripe_customer_' || customer_id || '_created', 'stripe_customer_' || customer_id, created_at, 'email', email from customers where email is not null
    union all
    select 'stripe_customer_' || customer_id || '_created', 'stripe_customer_' || customer_id, created_at, 'phone', phone from customers where phone is not null
    union all
    select 'stripe_invoice_' || invoice_id || '_finalized', 'stripe_invoice_' || invoice_id, created_at, 'stripe_customer_id', customer_id from invoices
    union all
    select 'stripe_invoice_' || invoice_id || '_finalized', 'stripe_invoice_' || invoice_id, created_at, 'email', {{ nexus.normalize_email('customer_email') }} from invoices where nullif(customer_email, '') is not null
)

select
    event_id,
    md5(row_key) as row_id,
    identifier_type,
    identifier_value,
    created_at as occurred_at,
    'stripe' as source
from identifiers
