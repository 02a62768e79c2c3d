-- One event per invoice.
select
    {{ nexus.create_nexus_id('event', ["'billing'", 'invoice_id']) }} as event_id,
    paid_at as occurred_at,
    'invoice ' || status as event_name,
    'Invoice ' || invoice_id || ' for ' || cast(amount as varchar) as event_description,
    'billing' as event_type,
    5 as significance,
    'billing' as source,
    'invoices' as source_table,
    paid_at as _ingested_at
from {{ source('billing', 'invoices') }}
