select
    session_id as event_id,
    started_at as occurred_at,
    case when is_signup_page then 'signup_view' else 'page_view' end as event_name,
    concat('Visit to ', path) as event_description,
    duration_s as event_value,
    'seconds' as value_unit,
    'low' as event_significance,
    'web' as event_type,
    'web' as source
from {{ ref('stg_sessions') }}
