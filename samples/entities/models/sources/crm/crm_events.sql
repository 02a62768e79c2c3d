-- One event per contact and per company the CRM created.
select
    {{ nexus.create_nexus_id('event', ["'crm'", 'contact_id']) }} as event_id,
    created_at as occurred_at,
    'contact created' as event_name,
    'CRM contact ' || full_name || ' created' as event_description,
    'crm' as event_type,
    1 as significance,
    'crm' as source,
    'contacts' as source_table,
    created_at as _ingested_at
from {{ source('crm', 'contacts') }}

union all

select
    {{ nexus.create_nexus_id('event', ["'crm'", 'company_id']) }} as event_id,
    created_at as occurred_at,
    'company created' as event_name,
    'CRM company ' || company_name || ' created' as event_description,
    'crm' as event_type,
    1 as significance,
    'crm' as source,
    'companies' as source_table,
    created_at as _ingested_at
from {{ source('crm', 'companies') }}
