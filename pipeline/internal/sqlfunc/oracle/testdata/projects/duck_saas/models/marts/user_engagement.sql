with usage as (
    select
        u.*,
        payload::json -> 'client' ->> 'os' as client_os,
        payload::json -> '$.report.tags' as tags,
        (payload::json ->> 'rows')::int as export_rows,
        lower(payload::json ->> 'format') as export_format
    from {{ ref('stg_usage') }} as u
),
per_user as (
    select
        user_id,
        count(*) as events,
        count(distinct workspace_id) as workspaces,
        list(action order by ts, event_id) as actions,
        array_agg(distinct client_os order by client_os) filter (where client_os is not null) as client_oses,
        arg_max(action, ts) as last_action,
        min(ts) as first_seen,
        max(ts) as last_seen,
        sum(export_rows) as rows_exported,
        bool_or(export_format = 'csv') as exported_csv,
        bool_and(action <> 'export') as never_exported,
        quantile_cont(coalesce(export_rows, 0), 0.5) as median_rows
    from usage
    group by all
)
select
    p.* exclude (first_seen) replace (len(p.actions) as events),
    u.email,
    u.role,
    {'events': p.events, 'exports': coalesce(p.rows_exported, 0)} as stats,
    date_diff('hour', p.first_seen, p.last_seen) as active_hours,
    ntile(2) over (order by p.events desc, p.user_id) as activity_half,
    round(percent_rank() over (order by p.events, p.user_id), 3) as activity_rank,
    first_value(u.invited_by ignore nulls) over (partition by u.workspace_id order by u.user_id
        rows between unbounded preceding and unbounded following) as first_inviter
from per_user as p
left join {{ ref('stg_users') }} as u on u.user_id = p.user_id and u.workspace_id = (
    select min(workspace_id) from {{ ref('stg_users') }} as x where x.user_id = p.user_id
)
order by p.user_id
