-- Whoever pays a company's invoices is its billing contact; a past-due
-- invoice leaves the relationship inactive until the next payment.
select
    {{ nexus.create_nexus_id('relationship_declaration', ["'billing'", 'invoice_id']) }} as relationship_declaration_id,
    {{ nexus.create_nexus_id('event', ["'billing'", 'invoice_id']) }} as event_id,
    paid_at as occurred_at,
    customer_email as entity_a_identifier,
    'email' as entity_a_identifier_type,
    'person' as entity_a_type,
    'billing_contact' as entity_a_role,
    company_domain as entity_b_identifier,
    'domain' as entity_b_identifier_type,
    'group' as entity_b_type,
    'customer' as entity_b_role,
    'billing_contact' as relationship_type,
    'a_to_b' as relationship_direction,
    status = 'paid' as is_active,
    'billing' as source
from {{ source('billing', 'invoices') }}
