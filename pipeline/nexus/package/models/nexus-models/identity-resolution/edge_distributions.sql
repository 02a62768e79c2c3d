{#- Every identifier's connection count with the sources behind it and its
    level against the edge-quality thresholds, from the unfiltered pairs, so
    over-connected identifiers stay visible with autofilters on.
    A view: it costs nothing until queried. -#}
{{ config(materialized='view', tags=['persons', 'groups']) }}

{%- set warning = nexus.edge_quality_setting('warning_threshold', 10) | int -%}
{%- set error = nexus.edge_quality_setting('error_threshold', 20) | int -%}
{%- set critical = nexus.edge_quality_setting('critical_threshold', 50) | int %}

{#- Without an autofilter the edges tables hold exactly the pairs, so they
    are read instead of joining the identifiers on row_id again. #}
{%- set filtered = nexus.edge_autofilter_limit() is not none %}

{#- Computed pairs are kept for the two reads; the edges tables are read
    twice as they are, which costs less than copying them. #}
{%- set keep = 'materialized' if filtered else 'not materialized' %}

with person_pairs as {{ keep }} (
{%- if filtered %}
{{ nexus.identifier_pairs(ref('nexus_person_identifiers')) }}
{%- else %}
    select * from {{ ref('nexus_person_identifiers_edges') }}
{%- endif %}
),

group_pairs as {{ keep }} (
{%- if filtered %}
{{ nexus.identifier_pairs(ref('nexus_group_identifiers')) }}
{%- else %}
    select * from {{ ref('nexus_group_identifiers_edges') }}
{%- endif %}
),

distribution as (
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
