select session_id as event_id, session_id as row_id, 'visitor_id' as identifier_type, visitor_id as identifier_value,
    started_at as occurred_at, 'web' as source
from {{ ref('stg_sessions') }}
union all by name
select session_id as event_id, session_id as row_id, 'email' as identifier_type, email as identifier_value,
    started_at as occurred_at, 'web' as source
from {{ ref('stg_sessions') }}
where email is not null
