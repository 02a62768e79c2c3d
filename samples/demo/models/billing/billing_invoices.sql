-- Each invoice's payment status at the time it took that status, keyed by
-- the resolved person, in the columns of a state model: paid when paid,
-- payment_due from when an unpaid invoice was finalised.
select
    r.person_id as entity_id,
    'person' as entity_type,
    'invoice_status' as state_name,
    case when i.paid_at is not null then 'paid' else 'payment_due' end as state_value,
    coalesce(i.paid_at, i.created_at) as state_entered_at,
    cast(null as text) as state_exited_at,
    false as is_current,
    'stripe_invoice_' || i.invoice_id || case when i.paid_at is not null then '_paid' else '_finalized' end as trigger_event_id
from {{ source('stripe', 'invoices') }} as i
join {{ ref('nexus_resolved_person_identifiers') }} as r
    on r.identifier_type = 'stripe_customer_id'
    and r.identifier_value = i.customer_id
where i.status in ('paid', 'open')
