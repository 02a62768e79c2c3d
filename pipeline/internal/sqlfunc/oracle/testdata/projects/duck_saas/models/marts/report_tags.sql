select
    tag,
    count(*) as reports,
    string_agg(event_id, ',' order by event_id) as event_ids
from (
    select event_id, unnest(from_json(payload::json -> '$.report.tags', '["varchar"]')) as tag
    from {{ ref('stg_usage') }}
    where action = 'report_created'
)
group by tag
order by reports desc, tag
