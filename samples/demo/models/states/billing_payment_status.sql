-- Whether a person's invoices are paid up, derived from the invoice status
-- changes in billing_invoices: a new state starts only when the status
-- changes.
{{ config(tags=['states', 'derived']) }}

{{ nexus.derived_state(
    state_name='billing_payment_status',
    component_states=[
        {
            'name': 'invoice',
            'table': 'billing_invoices',
            'condition': "state_value"
        }
    ],
    combination_logic="current_invoice_status",
    entity_type='person'
) }}
