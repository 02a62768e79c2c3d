-- One event per message: sent when it comes from our domains, received
-- otherwise. Test messages are dropped.
with messages as (
    select
        'gmail_' || message_id as event_id,
        sent_at as occurred_at,
        case
            when {{ nexus.email_domain('from_email') }} in {{ sql_list(var('internal_domains', [])) }} then 'email_sent'
            else 'email_received'
        end as event_name,
        subject as event_description,
        cast(null as real) as event_value,
        cast(null as text) as value_unit,
        'low' as event_significance,
        'communication' as event_type,
        'gmail' as source,
        'gmail_messages' as source_table,
        synced_at
    from {{ source('gmail', 'messages') }}
    where not {{ is_test_email('from_email') }}
)

select {{ nexus.common_event_fields() }}
from messages
