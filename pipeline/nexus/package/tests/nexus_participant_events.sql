{#- Identifiers that name an event no events model emits, so the person or
    group takes part in an event nexus_events does not have: for example a
    persons-only source whose identifiers carry event ids of its own. A
    warning, since dbt-nexus accepts it; source names where the rows come
    from. -#}
{{ config(severity='warn') }}
{%- for entity in ['person', 'group'] %}
{%- if not loop.first %}

union all
{% endif %}
select
    '{{ entity }}' as entity_type,
    i.source,
    i.event_id,
    count(*) as identifiers
from {{ ref('nexus_' ~ entity ~ '_identifiers') }} as i
where i.event_id is not null
    and not exists (select 1 from {{ ref('nexus_events') }} as e where e.event_id = i.event_id)
group by i.source, i.event_id
{%- endfor %}
