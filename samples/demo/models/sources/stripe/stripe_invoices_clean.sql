-- Invoices of the customers kept, with the email they were sent to
-- normalised (NULL when empty), their finalized event and one row_id per
-- invoice. The other stripe models read this one.
select
    i.*,
    {{ nexus.normalize_email("nullif(i.customer_email, '')") }} as sent_to_email,
    'stripe_invoice_' || i.invoice_id || '_finalized' as event_id,
    md5('stripe_invoice_' || i.invoice_id) as row_id
from {{ source('stripe', 'invoices') }} as i
where i.customer_id in (select customer_id from {{ ref('stripe_customers_clean') }})
