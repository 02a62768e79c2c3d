-- The sender's display name and every address, attached to the email.
select
    event_id,
    'email' as identifier_type,
    email as identifier_value,
    'name' as trait_name,
    display_name as trait_value,
    sent_at as occurred_at,
    'gmail' as source
from {{ ref('gmail_message_participants') }}
where nullif(display_name, '') is not null

union all

select
    event_id,
    'email' as identifier_type,
    email as identifier_value,
    'email' as trait_name,
    email as trait_value,
    sent_at as occurred_at,
    'gmail' as source
from {{ ref('gmail_message_participants') }}
