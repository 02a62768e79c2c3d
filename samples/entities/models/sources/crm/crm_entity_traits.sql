-- Contacts' names and titles (keyed by email), companies' names and
-- industries (keyed by domain).
with contacts as (
    select
        {{ nexus.create_nexus_id('event', ["'crm'", 'contact_id']) }} as event_id,
        email,
        full_name,
        title,
        created_at
    from {{ source('crm', 'contacts') }}
),

companies as (
    select
        {{ nexus.create_nexus_id('event', ["'crm'", 'company_id']) }} as event_id,
        domain,
        company_name,
        industry,
        created_at
    from {{ source('crm', 'companies') }}
),

traits as (
    select event_id, 'person' as entity_type, 'email' as identifier_type, email as identifier_value, 'name' as trait_name, full_name as trait_value, created_at from contacts
    union all
    select event_id, 'person', 'email', email, 'email', email, created_at from contacts
    union all
    select event_id, 'person', 'email', email, 'title', title, created_at from contacts
    union all
    select event_id, 'group', 'domain', domain, 'name', company_name, created_at from companies
    union all
    select event_id, 'group', 'domain', domain, 'industry', industry, created_at from companies
)

select
    {{ nexus.create_nexus_id('entity_trait', ['event_id', 'entity_type', 'identifier_value', 'trait_name']) }} as entity_trait_id,
    event_id,
    entity_type,
    identifier_type,
    identifier_value,
    trait_name,
    trait_value,
    'crm' as source,
    created_at as occurred_at
from traits
where trait_value is not null
