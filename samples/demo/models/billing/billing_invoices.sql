-- Each invoice's payment status at the time it took that status, keyed by
-- the resolved person: paid when paid, payment_due from when an unpaid
-- invoice was finalised.
select
    r.person_id,
    'stripe_invoice_' || i.invoice_id || case when nullif(i.paid_at, '') is not null then '_paid' else '_finalized' end as event_id,
    case when nullif(i.paid_at, '') is not null then 'paid' else 'payment_due' end as payment_status,
    coalesce(nullif(i.paid_at, ''), i.created_at) as occurred_at
from {{ source('stripe', 'invoices') }} as i
join {{ ref('nexus_resolved_person_identifiers') }} as r
    on r.identifier_type = 'stripe_customer_id'
    and r.identifier_value = i.customer_id
where i.status in ('paid', 'open')
