-- The status of each company's latest invoice.
select
    {{ nexus.create_nexus_id('entity_trait', ['invoice_id', "'billing_status'"]) }} as entity_trait_id,
    {{ nexus.create_nexus_id('event', ["'billing'", 'invoice_id']) }} as event_id,
    'group' as entity_type,
    'domain' as identifier_type,
    company_domain as identifier_value,
    'billing_status' as trait_name,
    status as trait_value,
    'billing' as source,
    paid_at as occurred_at
from {{ source('billing', 'invoices') }}
