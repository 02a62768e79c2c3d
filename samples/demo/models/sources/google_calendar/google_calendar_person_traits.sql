-- Attendees' display names and emails.
select
    event_id,
    'email' as identifier_type,
    email as identifier_value,
    'name' as trait_name,
    display_name as trait_value,
    start_at as occurred_at,
    'google_calendar' as source
from {{ ref('google_calendar_attendees') }}
where nullif(display_name, '') is not null

union all

select
    event_id,
    'email' as identifier_type,
    email as identifier_value,
    'email' as trait_name,
    email as trait_value,
    start_at as occurred_at,
    'google_calendar' as source
from {{ ref('google_calendar_attendees') }}
