-- Attendees' company domains, once per meeting.
with domains as (
    {{ nexus.unpivot_identifiers(
        model_name='google_calendar_attendees',
        columns=['domain'],
        row_id_field='domain_row_id',
        additional_columns=["start_at as occurred_at", "'google_calendar' as source"]
    ) }}
)

select distinct *
from domains
where not {{ is_generic_domain('identifier_value') }}
