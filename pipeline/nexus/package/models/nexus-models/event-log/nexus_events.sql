{#- Every enabled source's events, newest first:
    as dbt-nexus, dbt_utils.union_relations over the <source>_events models,
    keeping the event columns any of them has (a column one source lacks is
    NULL in its rows) and naming each row's model in _dbt_source_relation. -#}
{#- The index serves every check of an event_id against the events
    (nexus_participant_events, relationships tests); warehouses without
    indexes ignore it. #}
{{ config(indexes=[{'columns': ['event_id']}]) }}
{%- set relations = [] -%}
{%- for name in nexus.enabled_sources('events') -%}
    {%- do relations.append(ref(name ~ '_events')) -%}
{%- endfor -%}
{%- set event_columns = ['event_id', 'occurred_at', 'event_name', 'event_description', 'event_value', 'value_unit',
    'event_significance', 'event_type', 'source', 'source_table', 'synced_at', 'realtime_processed'] -%}

with unioned as (
{%- if relations %}
{{ dbt_utils.union_relations(relations=relations, include=event_columns) }}
{%- else %}
    -- No source has events: true.
    select
        cast(null as {{ dbt.type_string() }}) as _dbt_source_relation,
    {%- for column in event_columns %}
        cast(null as {{ dbt.type_string() }}) as {{ column }}{{ ',' if not loop.last }}
    {%- endfor %}
    where false
{%- endif %}
)

select *
from unioned
{%- if is_incremental() %}
-- Incremental runs (Common Tasks, "Configure Incremental Models") add only
-- rows newer than the newest one already in the table.
where occurred_at > (select coalesce(max(occurred_at), '') from {{ this }})
{%- endif %}
order by occurred_at desc, event_id
