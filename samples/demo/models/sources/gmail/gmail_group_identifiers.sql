-- The company domain of each outside address, once per message; email
-- providers' domains are no company.
with domains as (
    {{ nexus.unpivot_identifiers(
        model_name='gmail_message_participants',
        columns=['domain'],
        row_id_field='domain_row_id',
        additional_columns=["sent_at as occurred_at", "'gmail' as source"]
    ) }}
)

select distinct *
from domains
where not {{ is_generic_domain('identifier_value') }}
