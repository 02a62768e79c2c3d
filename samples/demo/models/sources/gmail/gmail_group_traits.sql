-- The domain is a group's trait too, so nexus_groups shows it.
select distinct
    event_id,
    'domain' as identifier_type,
    domain as identifier_value,
    'domain' as trait_name,
    domain as trait_value,
    sent_at as occurred_at,
    'gmail' as source
from {{ ref('gmail_message_participants') }}
where not {{ is_generic_domain('domain') }}
