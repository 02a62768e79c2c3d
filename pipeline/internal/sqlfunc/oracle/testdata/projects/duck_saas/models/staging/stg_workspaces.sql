select
    workspace_id,
    trim(name) as name,
    nullif(lower(domain), '') as domain,
    created_at::timestamptz as created_at,
    settings::json ->> '$.region' as region,
    json_array_length(settings::json -> 'features') as feature_count,
    coalesce((settings::json -> 'limits' ->> 'seats')::int, 1) as seat_limit,
    lpad(regexp_extract(workspace_id, '\d+'), 5, '0') as workspace_number,
    right(workspace_id, 3)::int as workspace_seq,
    lower(domain) in ({% for d in var('internal_domains') %}'{{ d }}'{{ ',' if not loop.last }}{% endfor %}) as is_internal
from {{ source('app_raw', 'workspaces') }}
