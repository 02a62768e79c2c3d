-- The person behind a customer is its company account's billing contact.
select
    'stripe_customer_' || customer_id || '_created' as event_id,
    'stripe_customer_id' as person_identifier_type,
    customer_id as person_identifier,
    'stripe_customer_id' as group_identifier_type,
    customer_id as group_identifier,
    'billing_contact' as role,
    created_at as occurred_at,
    'stripe' as source
from {{ ref('stripe_customers_clean') }}
