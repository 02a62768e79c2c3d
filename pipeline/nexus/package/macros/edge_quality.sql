{#-
    Edge quality, configured like later dbt-nexus
    versions so a project moves to them unchanged:

        vars:
          nexus:
            edge_quality:
              warning_threshold: 10
              error_threshold: 20
              critical_threshold: 50
              error_autofilter: false
              critical_autofilter: false

    An identifier's connection count is the number of distinct identifiers
    it shares a row_id with. Autofiltering drops edges retroactively, so it
    does not suit incremental resolution.
-#}

{#- One edge-quality setting, or `default` when the project sets none. -#}
{%- macro edge_quality_setting(name, default) -%}
    {%- set found = [] -%}
    {%- set settings = var('nexus', {}) -%}
    {%- if settings and 'edge_quality' in settings -%}
        {%- set quality = settings['edge_quality'] -%}
        {%- if quality and name in quality -%}
            {%- do found.append(quality[name]) -%}
        {%- endif -%}
    {%- endif -%}
    {%- if found | length > 0 -%}
        {{- return(found[0]) -}}
    {%- else -%}
        {{- return(default) -}}
    {%- endif -%}
{%- endmacro -%}

{#- The connection count above which edges are dropped before resolution,
    or none when no autofilter is on. -#}
{%- macro edge_autofilter_limit() -%}
    {%- if nexus.edge_quality_setting('error_autofilter', false) -%}
        {{- return(nexus.edge_quality_setting('error_threshold', 20) | int) -}}
    {%- elif nexus.edge_quality_setting('critical_autofilter', false) -%}
        {{- return(nexus.edge_quality_setting('critical_threshold', 50) | int) -}}
    {%- else -%}
        {{- return(none) -}}
    {%- endif -%}
{%- endmacro -%}

{#- Per identifier of one entity type: its connection count, the sources of
    its edges and its level against the thresholds, over the unfiltered
    pairs. The caller defines the CTE <entity>_pairs (identifier_pairs), so
    the self-join on row_id runs once and both figures read it. -#}
{%- macro edge_distribution(entity) -%}
{%- if target.type == 'sqlite' %}
{#- One pass over the pairs: the distinct partners counted by their order
    key, the distinct sources in order by nexus_concat_distinct. #}
select
    '{{ entity }}' as entity_type,
    identifier_type_a as identifier_type,
    identifier_value_a as identifier_value,
    count(distinct nexus_order_key(identifier_type_b, identifier_value_b)) as connection_count,
    nexus_concat_distinct(source, cast(source as text), ', ') as sources
from {{ entity }}_pairs
group by identifier_type_a, identifier_value_a
{%- else -%}
select
    '{{ entity }}' as entity_type,
    counts.identifier_type,
    counts.identifier_value,
    counts.connection_count,
    sources.sources
from (
    select
        identifier_type_a as identifier_type,
        identifier_value_a as identifier_value,
        count(*) as connection_count
    from (
        select distinct identifier_type_a, identifier_value_a, identifier_type_b, identifier_value_b
        from {{ entity }}_pairs
    ) as distinct_pairs
    group by identifier_type_a, identifier_value_a
) as counts
join (
    select identifier_type, identifier_value, {{ nexus.string_agg('source', "', '") }} as sources
    from (
        select distinct
            identifier_type_a as identifier_type,
            identifier_value_a as identifier_value,
            source
        from {{ entity }}_pairs
        order by 1, 2, 3
    ) as distinct_sources
    group by identifier_type, identifier_value
) as sources
    on sources.identifier_type = counts.identifier_type
    and sources.identifier_value = counts.identifier_value
{%- endif %}
{%- endmacro -%}
