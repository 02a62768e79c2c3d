-- Attendees' company domains.
select distinct
    event_id,
    md5(calendar_event_id || '|' || domain) as row_id,
    'domain' as identifier_type,
    domain as identifier_value,
    start_at as occurred_at,
    'google_calendar' as source
from {{ ref('google_calendar_attendees') }}
where not {{ is_generic_domain('domain') }}
