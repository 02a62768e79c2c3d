{#- Every identifier's connection count with the sources behind it and its
    level against the edge-quality thresholds, from the unfiltered pairs, so
    over-connected identifiers stay visible with autofilters on
    (NEXUS_SPEC.md section 8). A view: it costs nothing until queried. -#}
{{ config(materialized='view', tags=['persons', 'groups']) }}

{%- set warning = nexus.edge_quality_setting('warning_threshold', 10) | int -%}
{%- set error = nexus.edge_quality_setting('error_threshold', 20) | int -%}
{%- set critical = nexus.edge_quality_setting('critical_threshold', 50) | int %}

with distribution as (
{{ nexus.edge_distribution('person') }}

union all

{{ nexus.edge_distribution('group') }}
)

select
    entity_type,
    identifier_type,
    identifier_value,
    connection_count,
    sources,
    case
        when connection_count > {{ critical }} then 'critical'
        when connection_count > {{ error }} then 'error'
        when connection_count > {{ warning }} then 'warning'
        else 'ok'
    end as quality_level
from distribution
order by connection_count desc, entity_type, identifier_type, identifier_value
