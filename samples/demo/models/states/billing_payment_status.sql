-- Whether a person's invoices are paid up, as a timeline derived from
-- invoice events: a new state starts only when the status changes.
{{ nexus.derived_state(
    ref('billing_invoices'),
    entity_id='person_id',
    state_name='billing_payment_status',
    state_value='payment_status'
) }}
