-- The paying person and the customer company of each invoice: one edge_id
-- per entity type, so the two are not resolved into one another.
with invoices as (
    select
        {{ nexus.create_nexus_id('event', ["'billing'", 'invoice_id']) }} as event_id,
        invoice_id,
        customer_email,
        company_domain,
        paid_at
    from {{ source('billing', 'invoices') }}
)

select
    {{ nexus.create_nexus_id('entity_identifier', ['event_id', "'email'", 'customer_email', "'person'"]) }} as entity_identifier_id,
    event_id,
    {{ nexus.create_nexus_id('entity_edge', ['invoice_id', "'person'"]) }} as edge_id,
    'person' as entity_type,
    'email' as identifier_type,
    customer_email as identifier_value,
    'payer' as role,
    'billing' as source,
    paid_at as occurred_at,
    paid_at as _ingested_at
from invoices

union all

select
    {{ nexus.create_nexus_id('entity_identifier', ['event_id', "'domain'", 'company_domain', "'group'"]) }},
    event_id,
    {{ nexus.create_nexus_id('entity_edge', ['invoice_id', "'group'"]) }},
    'group',
    'domain',
    company_domain,
    'customer',
    'billing',
    paid_at,
    paid_at
from invoices
