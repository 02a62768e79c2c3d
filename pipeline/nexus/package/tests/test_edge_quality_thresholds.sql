{#- Identifiers still joined to more distinct identifiers than the
    edge-quality error_threshold in the edges resolution reads, that is after
    any autofilter. Each one may merge unrelated
    people or companies; edge_distributions shows where its edges come from. -#}
{{ config(severity='warn') }}
{%- set error = nexus.edge_quality_setting('error_threshold', 20) | int %}
{%- for entity in ['person', 'group'] %}
{%- if not loop.first %}

union all
{% endif %}
select
    '{{ entity }}' as entity_type,
    identifier_type_a as identifier_type,
    identifier_value_a as identifier_value,
    count(distinct identifier_type_b || {{ nexus.separator() }} || identifier_value_b) as connection_count
from {{ ref('nexus_' ~ entity ~ '_identifiers_edges') }}
group by identifier_type_a, identifier_value_a
having count(distinct identifier_type_b || {{ nexus.separator() }} || identifier_value_b) > {{ error }}
{%- endfor %}
