-- Every outside attendee is a person seen by email, on their own row_id.
select
    event_id,
    md5(calendar_event_id || '|' || email) as row_id,
    'email' as identifier_type,
    email as identifier_value,
    start_at as occurred_at,
    'google_calendar' as source
from {{ ref('google_calendar_attendees') }}
