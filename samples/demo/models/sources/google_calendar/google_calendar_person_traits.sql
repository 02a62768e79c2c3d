-- Attendees' display names and emails.
{{ nexus.unpivot_traits(
    model_name='google_calendar_attendees',
    columns=['display_name', 'email'],
    identifier_column='email',
    identifier_type='email',
    additional_columns=["start_at as occurred_at", "'google_calendar' as source"],
    column_to_trait_name={'display_name': 'name'}
) }}
