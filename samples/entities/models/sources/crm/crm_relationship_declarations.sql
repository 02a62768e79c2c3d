-- Each contact with a company domain is a member of that company.
select
    {{ nexus.create_nexus_id('relationship_declaration', ["'crm'", 'contact_id', 'company_domain']) }} as relationship_declaration_id,
    {{ nexus.create_nexus_id('event', ["'crm'", 'contact_id']) }} as event_id,
    created_at as occurred_at,
    email as entity_a_identifier,
    'email' as entity_a_identifier_type,
    'person' as entity_a_type,
    'member' as entity_a_role,
    company_domain as entity_b_identifier,
    'domain' as entity_b_identifier_type,
    'group' as entity_b_type,
    'organization' as entity_b_role,
    'membership' as relationship_type,
    'a_to_b' as relationship_direction,
    true as is_active,
    'crm' as source
from {{ source('crm', 'contacts') }}
where company_domain is not null and company_domain <> ''
