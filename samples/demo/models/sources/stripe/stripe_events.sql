-- Customers created, invoices finalised and paid (valued in dollars), and
-- subscription milestones. Test customers' rows are dropped.
with customers as (
    select * from {{ ref('stripe_customers_clean') }}
),

invoices as (
    select *
    from {{ source('stripe', 'invoices') }}
    where customer_id in (select customer_id from customers)
),

subscriptions as (
    select *
    from {{ source('stripe', 'subscriptions') }}
    where customer_id in (select customer_id from customers)
),

events as (
    select
        'stripe_customer_' || customer_id || '_created' as event_id,
        created_at as occurred_at,
        'customer_created' as event_name,
        coalesce(business_name, name) || ' became a customer' as event_description,
        cast(null as real) as event_value,
        cast(null as text) as value_unit,
        'medium' as event_significance,
        'billing' as event_type,
        'stripe_customers' as source_table,
        synced_at
    from customers

    union all

    select
        'stripe_invoice_' || invoice_id || '_finalized',
        created_at,
        'invoice_finalized',
        'Invoice ' || invoice_id || ' (' || status || ')',
        amount_due / 100.0,
        currency,
        'medium',
        'billing',
        'stripe_invoices',
        synced_at
    from invoices

    union all

    select
        'stripe_invoice_' || invoice_id || '_paid',
        paid_at,
        'invoice_paid',
        'Invoice ' || invoice_id || ' paid',
        amount_due / 100.0,
        currency,
        'high',
        'billing',
        'stripe_invoices',
        synced_at
    from invoices
    where paid_at is not null

    union all

    select
        'stripe_subscription_' || subscription_id || '_trial_started',
        trial_start,
        'trial_started',
        'Trial of the ' || plan || ' plan',
        cast(null as real),
        cast(null as text),
        'high',
        'billing',
        'stripe_subscriptions',
        synced_at
    from subscriptions
    where trial_start is not null

    union all

    select
        'stripe_subscription_' || subscription_id || '_started',
        started_at,
        'subscription_started',
        'Subscribed to the ' || plan || ' plan',
        cast(null as real),
        cast(null as text),
        'high',
        'billing',
        'stripe_subscriptions',
        synced_at
    from subscriptions
    where started_at is not null

    union all

    select
        'stripe_subscription_' || subscription_id || '_ended',
        ended_at,
        'subscription_ended',
        'Ended the ' || plan || ' plan',
        cast(null as real),
        cast(null as text),
        'high',
        'billing',
        'stripe_subscriptions',
        synced_at
    from subscriptions
    where ended_at is not null
),

stripe_events as (
    select *, 'stripe' as source from events
)

select {{ nexus.common_event_fields() }}
from stripe_events
