-- Every outside attendee is a person seen by email, on their own row_id.
{{ nexus.unpivot_identifiers(
    model_name='google_calendar_attendees',
    columns=['email'],
    additional_columns=["start_at as occurred_at", "'google_calendar' as source"]
) }}
