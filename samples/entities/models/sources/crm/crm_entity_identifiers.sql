-- A contact's email, phone and CRM id are one person (one edge_id per
-- contact); a company's domain and CRM id are one group.
with contacts as (
    select
        {{ nexus.create_nexus_id('event', ["'crm'", 'contact_id']) }} as event_id,
        contact_id,
        email,
        phone,
        created_at
    from {{ source('crm', 'contacts') }}
),

person_identifiers as (
    select event_id, contact_id, 'email' as identifier_type, email as identifier_value, created_at from contacts
    union all
    select event_id, contact_id, 'phone', phone, created_at from contacts where phone is not null and phone <> ''
    union all
    select event_id, contact_id, 'crm_contact_id', contact_id, created_at from contacts
),

companies as (
    select
        {{ nexus.create_nexus_id('event', ["'crm'", 'company_id']) }} as event_id,
        company_id,
        domain,
        created_at
    from {{ source('crm', 'companies') }}
),

group_identifiers as (
    select event_id, company_id, 'domain' as identifier_type, domain as identifier_value, created_at from companies
    union all
    select event_id, company_id, 'crm_company_id', company_id, created_at from companies
)

select
    {{ nexus.create_nexus_id('entity_identifier', ['event_id', 'identifier_type', 'identifier_value', "'person'"]) }} as entity_identifier_id,
    event_id,
    {{ nexus.create_nexus_id('entity_edge', ['contact_id', "'person'"]) }} as edge_id,
    'person' as entity_type,
    identifier_type,
    identifier_value,
    cast(null as text) as role,
    'crm' as source,
    created_at as occurred_at,
    created_at as _ingested_at
from person_identifiers

union all

select
    {{ nexus.create_nexus_id('entity_identifier', ['event_id', 'identifier_type', 'identifier_value', "'group'"]) }} as entity_identifier_id,
    event_id,
    {{ nexus.create_nexus_id('entity_edge', ['company_id', "'group'"]) }} as edge_id,
    'group' as entity_type,
    identifier_type,
    identifier_value,
    cast(null as text) as role,
    'crm' as source,
    created_at as occurred_at,
    created_at as _ingested_at
from group_identifiers
