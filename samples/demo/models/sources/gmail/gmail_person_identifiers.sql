-- Every outside address of a message is a person seen on its own: an email
-- says nothing about who else is on the message, so each address is its own
-- row_id.
select
    event_id,
    md5(message_id || '|' || field || '|' || email) as row_id,
    'email' as identifier_type,
    email as identifier_value,
    sent_at as occurred_at,
    'gmail' as source
from {{ ref('gmail_message_participants') }}
