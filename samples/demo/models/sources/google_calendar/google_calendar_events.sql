-- One event per meeting, at its start; its value is the length in minutes.
with meetings as (
    select
        'google_calendar_' || event_id as event_id,
        start_at as occurred_at,
        'meeting' as event_name,
        summary as event_description,
        {{ dbt.datediff('start_at', 'end_at', 'minute') }} as event_value,
        'minutes' as value_unit,
        'medium' as event_significance,
        'communication' as event_type,
        'google_calendar' as source,
        'google_calendar_events' as source_table,
        updated_at as synced_at
    from {{ source('google_calendar', 'events') }}
)

select {{ nexus.common_event_fields() }}
from meetings
