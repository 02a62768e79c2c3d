{#-
    Final tables of the entity layer, dbt-nexus v0.13's finalize_entities,
    finalize_participants and finalize_relationships (full refresh).
-#}

{#- v0.13's finalize_participants(entity_type): one row per event, entity
    and role the entity's identifiers were seen with. -#}
{%- macro finalize_participants(entity_type) -%}
{%- set id = entity_type ~ '_id' -%}
select
    {{ nexus.create_nexus_id('entity_participant', ['i.event_id', 'r.' ~ id, 'i.role']) }} as entity_participant_id,
    '{{ entity_type }}' as entity_type,
    i.event_id,
    r.{{ id }} as entity_id,
    i.role,
    i.occurred_at
from {{ ref('nexus_entity_identifiers') }} as i
join {{ ref('nexus_resolved_' ~ entity_type ~ '_identifiers') }} as r
    on r.identifier_type = i.identifier_type
    and r.identifier_value = i.identifier_value
where i.entity_type = '{{ entity_type }}'
group by i.event_id, r.{{ id }}, i.role, i.occurred_at
{%- endmacro -%}

{#- v0.13's finalize_entities(): one row per resolved entity of every type
    with its traits as columns (pivot_traits over nexus_resolved_entity_traits,
    then traits_entity_id) and v0.13's timestamps: _processed_at (this
    build), _updated_at (newest trait, else _created_at), _created_at
    (first identifier seen), _last_merged_at (newest event that joined two
    of its identifiers), last_ and first_interaction_at (its events). -#}
{%- macro finalize_entities() -%}
with identifiers as (
{{ nexus.resolved_entity_identifiers() }}
),

entities as (
    select distinct entity_id, entity_type
    from identifiers
),

seen as (
    select
        i.entity_id,
        min(ei.occurred_at) as _created_at
    from {{ ref('nexus_entity_identifiers') }} as ei
    join identifiers as i
        on i.entity_type = ei.entity_type
        and i.identifier_type = ei.identifier_type
        and i.identifier_value = ei.identifier_value
    where ei.occurred_at is not null
    group by i.entity_id
),

merged as (
    select
        i.entity_id,
        max(ev.occurred_at) as _last_merged_at
    from {{ ref('nexus_entity_identifiers') }} as ei
    join identifiers as i
        on i.entity_type = ei.entity_type
        and i.identifier_type = ei.identifier_type
        and i.identifier_value = ei.identifier_value
    join {{ ref('nexus_events') }} as ev
        on ev.event_id = ei.event_id
    where ei.edge_id is not null
    group by i.entity_id
),

updated as (
    select entity_id, max(occurred_at) as _updated_at
    from {{ ref('nexus_resolved_entity_traits') }}
    group by entity_id
),

interactions as (
    select
        p.entity_id,
        min(ev.occurred_at) as first_interaction_at,
        max(ev.occurred_at) as last_interaction_at
    from {{ ref('nexus_entity_participants') }} as p
    join {{ ref('nexus_events') }} as ev
        on ev.event_id = p.event_id
    where ev.occurred_at is not null
    group by p.entity_id
),

pivoted_traits as (
{{ nexus.pivot_traits('nexus_resolved_entity_traits', 'entity_id', 'traits_') }}
)

select
    e.entity_id,
    e.entity_type,
    t.*,
    current_timestamp as _processed_at,
    coalesce(u._updated_at, s._created_at) as _updated_at,
    s._created_at,
    m._last_merged_at,
    x.last_interaction_at,
    x.first_interaction_at
from entities as e
left join pivoted_traits as t
    on t.traits_entity_id = e.entity_id
left join seen as s
    on s.entity_id = e.entity_id
left join merged as m
    on m.entity_id = e.entity_id
left join updated as u
    on u.entity_id = e.entity_id
left join interactions as x
    on x.entity_id = e.entity_id
order by e.entity_type, e.entity_id
{%- endmacro -%}

{#- v0.13's finalize_relationships(): one row per pair of entities and
    relationship type, as its latest declaration says (is_active, roles),
    established_at and last_updated_at being that declaration's time as in
    v0.13, _created_at and _updated_at the first and last declaration. -#}
{%- macro finalize_relationships() -%}
{%- set key = ['entity_a_id', 'entity_b_id', 'relationship_type'] -%}
with declarations as (
    select
        *,
        row_number() over (
            partition by entity_a_id, entity_b_id, relationship_type
            order by occurred_at desc, relationship_declaration_id desc
        ) as latest_rank
    from {{ ref('nexus_resolved_relationship_declarations') }}
),

spans as (
    select
        entity_a_id,
        entity_b_id,
        relationship_type,
        min(occurred_at) as _created_at,
        max(occurred_at) as _updated_at
    from declarations
    where occurred_at is not null
    group by entity_a_id, entity_b_id, relationship_type
)

select
    {{ nexus.create_nexus_id('relationship', ['d.entity_a_id', 'd.entity_b_id', 'd.relationship_type']) }} as relationship_id,
    d.entity_a_id,
    d.entity_a_type,
    d.entity_a_role,
    d.entity_b_id,
    d.entity_b_type,
    d.entity_b_role,
    d.relationship_type,
    d.relationship_direction,
    d.is_active,
    d.occurred_at as established_at,
    d.occurred_at as last_updated_at,
    d.source as primary_source,
    current_timestamp as _processed_at,
    s._updated_at,
    s._created_at
from declarations as d
left join spans as s
    on s.entity_a_id = d.entity_a_id
    and s.entity_b_id = d.entity_b_id
    and s.relationship_type = d.relationship_type
where d.latest_rank = 1
order by d.relationship_type, d.entity_a_id, d.entity_b_id
{%- endmacro -%}
