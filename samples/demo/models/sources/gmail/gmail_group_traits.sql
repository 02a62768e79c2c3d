-- The domain is a group's trait too, so nexus_groups shows it.
with domains as (
    {{ nexus.unpivot_traits(
        model_name='gmail_message_participants',
        columns=['domain'],
        identifier_column='domain',
        identifier_type='domain',
        additional_columns=["sent_at as occurred_at", "'gmail' as source"]
    ) }}
)

select distinct *
from domains
where not {{ is_generic_domain('identifier_value') }}
