-- An attendee from a company domain is that company's contact.
select distinct
    event_id,
    'email' as person_identifier_type,
    email as person_identifier,
    'domain' as group_identifier_type,
    domain as group_identifier,
    'contact' as role,
    start_at as occurred_at,
    'google_calendar' as source
from {{ ref('google_calendar_attendees') }}
where not {{ is_generic_domain('domain') }}
