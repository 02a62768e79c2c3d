select
    session_id as event_id,
    'visitor_id' as identifier_type,
    visitor_id as identifier_value,
    'first_landing_path' as trait_name,
    path as trait_value,
    started_at as occurred_at,
    'web' as source
from {{ ref('stg_sessions') }}
qualify row_number() over (partition by visitor_id order by started_at) = 1
