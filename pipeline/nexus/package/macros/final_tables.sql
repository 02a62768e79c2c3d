{#-
    Final tables, dbt-nexus c918759's
    finalize_entity and finalize_participants.
-#}

{#- One row per resolved entity: <entity>_id, the playground's `id` (the
    same value, so the Common Tasks page's p.id runs), one column per trait
    name (pivot_traits), and traits_<entity>_id as in dbt-nexus. The trait
    names come from the data, so they are read from the resolved traits
    table, which is built by then. -#}
{%- macro finalize_entity(entity_type) -%}
{%- set id = entity_type ~ '_id' -%}
with distinct_entities as (
    select distinct {{ id }}
    from {{ ref('nexus_resolved_' ~ entity_type ~ '_identifiers') }}
),

pivoted_traits as (
{{ nexus.pivot_traits('nexus_resolved_' ~ entity_type ~ '_traits', id, 'traits_') }}
)

select
    e.{{ id }},
    e.{{ id }} as id,
    t.*
from distinct_entities as e
left join pivoted_traits as t
    on t.traits_{{ id }} = e.{{ id }}
order by e.{{ id }}
{%- endmacro -%}

{#- Distinct (event, entity) pairs: every event an identifier of the entity
    was seen on; key <entity>_participant_id. Grouped rather than select
    distinct: the key is a function of the pair, and one sort then serves
    both the grouping and the order. -#}
{%- macro finalize_participants(entity_type) -%}
{%- set entity = entity_type -%}
select
    {{ dbt_utils.generate_surrogate_key(['i.event_id', 'r.' ~ entity ~ '_id']) }} as {{ entity }}_participant_id,
    i.event_id,
    r.{{ entity }}_id
from {{ ref('nexus_' ~ entity ~ '_identifiers') }} as i
join {{ ref('nexus_resolved_' ~ entity ~ '_identifiers') }} as r
    on r.identifier_type = i.identifier_type
    and r.identifier_value = i.identifier_value
where i.event_id is not null
group by i.event_id, r.{{ entity }}_id
order by i.event_id, r.{{ entity }}_id
{%- endmacro -%}
