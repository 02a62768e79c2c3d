-- Whoever writes from a company domain is that company's contact.
select distinct
    event_id,
    'email' as person_identifier_type,
    email as person_identifier,
    'domain' as group_identifier_type,
    domain as group_identifier,
    'contact' as role,
    sent_at as occurred_at,
    'gmail' as source
from {{ ref('gmail_message_participants') }}
where not {{ is_generic_domain('domain') }}
