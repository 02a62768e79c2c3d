{#- Events whose time is missing, not an ISO-8601 timestamp, or later than
    when they were synced: the Common Tasks page's "Check event timeline"
    (earliest and latest event) is only meaningful without them. A warning:
    dbt-nexus has no such check. The source column names the source model
    the rows come from. -#}
{{ config(severity='warn') }}
{%- set columns = nexus.columns_of(ref('nexus_events')) -%}
{%- set synced = 'synced_at' in columns %}
select
    event_id,
    {{ nexus.first_column(columns, ['source', '_dbt_source_relation'], "'unknown'") }} as source,
    occurred_at,
    {{ 'synced_at' if synced else 'null as synced_at' }},
    case
        when occurred_at is null then 'occurred_at is missing'
        when {{ nexus.as_instant("occurred_at") }} is null then 'occurred_at is not a timestamp'
        else 'occurred after it was synced'
    end as problem
from {{ ref('nexus_events') }}
where occurred_at is null
    or {{ nexus.as_instant("occurred_at") }} is null
{%- if synced %}
    or (synced_at is not null and {{ nexus.as_instant("synced_at") }} is not null
        and {{ nexus.as_instant("occurred_at") }} > {{ nexus.as_instant("synced_at") }})
{%- endif %}
