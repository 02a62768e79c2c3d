-- The company domain of each outside address; email providers' domains
-- are no company.
select distinct
    event_id,
    md5(message_id || '|' || domain) as row_id,
    'domain' as identifier_type,
    domain as identifier_value,
    sent_at as occurred_at,
    'gmail' as source
from {{ ref('gmail_message_participants') }}
where not {{ is_generic_domain('domain') }}
