-- One row per meeting and attendee outside our own domains, read from the
-- attendees JSON array, with the row ids the identifier models use (one per
-- attendee, one per company domain of a meeting). The other
-- google_calendar models read this one.
with attendees as (
    select
        e.event_id as calendar_event_id,
        'google_calendar_' || e.event_id as event_id,
        e.start_at,
        {{ nexus.normalize_email("json_extract(a.value, '$.email')") }} as email,
        {{ nexus.email_domain("json_extract(a.value, '$.email')") }} as domain,
        json_extract(a.value, '$.displayName') as display_name,
        json_extract(a.value, '$.responseStatus') as response_status
    from {{ source('google_calendar', 'events') }} as e,
        json_each(e.attendees) as a
    where json_extract(a.value, '$.email') is not null
        and not {{ is_excluded_email("json_extract(a.value, '$.email')") }}
)

select
    *,
    md5(calendar_event_id || '|' || email) as row_id,
    md5(calendar_event_id || '|' || domain) as domain_row_id
from attendees
