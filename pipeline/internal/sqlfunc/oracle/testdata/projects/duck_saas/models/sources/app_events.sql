select
    event_id,
    ts as occurred_at,
    action as event_name,
    concat_ws(' ', 'User', user_id, action, 'in', workspace_id) as event_description,
    case when action = 'export' then (payload::json ->> 'rows')::double end as event_value,
    case when action = 'export' then 'rows' end as value_unit,
    case action when 'login' then 'low' else 'medium' end as event_significance,
    'product' as event_type,
    'app' as source,
    'app_raw_usage' as source_table
from {{ ref('stg_usage') }}
