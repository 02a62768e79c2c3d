-- One row per message and address (sender, recipients, copies) outside our
-- own domains, with the address normalised, its domain and the row ids the
-- identifier models use (one per address, one per company domain of a
-- message). Test messages are dropped. The other gmail models read this one.
with messages as (
    select *
    from {{ source('gmail', 'messages') }}
    where not {{ is_test_email('from_email') }}
),

addresses as (
    select message_id, sent_at, 'from' as field, from_email as email, from_name as display_name
    from messages

    union all

    select m.message_id, m.sent_at, 'to', r.value, cast(null as text)
    from messages as m, json_each(m.to_emails) as r

    union all

    select m.message_id, m.sent_at, 'cc', c.value, cast(null as text)
    from messages as m, json_each(m.cc_emails) as c
),

participants as (
    select
        message_id,
        'gmail_' || message_id as event_id,
        sent_at,
        field,
        {{ nexus.normalize_email('email') }} as email,
        {{ nexus.email_domain('email') }} as domain,
        display_name
    from addresses
    where nullif(email, '') is not null
        and not {{ is_excluded_email('email') }}
)

select
    *,
    md5(message_id || '|' || field || '|' || email) as row_id,
    md5(message_id || '|' || domain) as domain_row_id
from participants
