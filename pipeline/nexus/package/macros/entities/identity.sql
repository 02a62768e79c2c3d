{#-
    Identity resolution of the entity layer (dbt-nexus v0.13's macros, full
    refresh): edges between the identifiers of one source row, resolution of
    each entity type over them, traits and relationships joined to the
    entities they name.
-#}

{#- v0.13's create_identifier_edges: every ordered pair of distinct
    identifiers sharing an edge_id, once per pair (the first edge_id that
    gave it), with the source, the ingestion time and v0.13's
    edge_uniqueness_hash. With vars.nexus.edge_quality's error_autofilter
    (or critical_autofilter) the edges of an identifier joined to more
    identifiers than the threshold are dropped, as in c918759's layer. -#}
{%- macro create_identifier_edges(identifiers_table) -%}
{%- set identifiers = ref(identifiers_table) -%}
{%- set limit = nexus.edge_autofilter_limit() -%}
with pairs as (
    select
        a.edge_id,
        a.entity_type as entity_type_a,
        a.identifier_type as identifier_type_a,
        a.identifier_value as identifier_value_a,
        b.entity_type as entity_type_b,
        b.identifier_type as identifier_type_b,
        b.identifier_value as identifier_value_b,
        coalesce(a.source, b.source) as source,
        coalesce(a._ingested_at, b._ingested_at) as _ingested_at,
        {{ dbt_utils.generate_surrogate_key(['a.entity_type', 'a.identifier_type', 'a.identifier_value', 'b.entity_type', 'b.identifier_type', 'b.identifier_value']) }} as edge_uniqueness_hash
    from {{ identifiers }} as a
    join {{ identifiers }} as b
        on a.edge_id = b.edge_id
        and (a.entity_type <> b.entity_type or a.identifier_type <> b.identifier_type or a.identifier_value <> b.identifier_value)
),

first_seen as (
    select
        *,
        row_number() over (partition by edge_uniqueness_hash order by _ingested_at, edge_id) as seen_rank
    from pairs
)
{%- if limit is not none %},

over_connected as (
    select entity_type_a as entity_type, identifier_type_a as identifier_type, identifier_value_a as identifier_value
    from first_seen
    where seen_rank = 1
    group by entity_type_a, identifier_type_a, identifier_value_a
    having count(distinct identifier_type_b || {{ nexus.separator() }} || identifier_value_b) > {{ limit }}
)
{%- endif %}

select
    edge_id,
    entity_type_a,
    identifier_type_a,
    identifier_value_a,
    entity_type_b,
    identifier_type_b,
    identifier_value_b,
    source,
    _ingested_at,
    edge_uniqueness_hash
from first_seen as e
where seen_rank = 1
{%- if limit is not none %}
    and not exists (
        select 1
        from over_connected as o
        where (o.entity_type = e.entity_type_a and o.identifier_type = e.identifier_type_a and o.identifier_value = e.identifier_value_a)
            or (o.entity_type = e.entity_type_b and o.identifier_type = e.identifier_type_b and o.identifier_value = e.identifier_value_b)
    )
{%- endif %}
order by entity_type_a, identifier_type_a, identifier_value_a, identifier_type_b, identifier_value_b
{%- endmacro -%}

{#- v0.13's resolve_identifiers(entity_type, identifiers_table,
    edges_table, max_recursion), dispatched per warehouse as v0.13's is. -#}
{%- macro resolve_identifiers(entity_type, identifiers_table, edges_table, max_recursion=10) -%}
    {{- return(adapter.dispatch('resolve_identifiers', 'nexus')(entity_type, identifiers_table, edges_table, max_recursion)) -}}
{%- endmacro -%}

{#- The identifiers of entity_type with the entity they resolve to. The
    components come from the runner's nexus_resolve_components over this
    type's rows of the shared tables (see pipeline/nexus/README.md): the
    smallest identifier (type, then value) reached within max_recursion
    edges, whose create_nexus_id is the entity id, as in v0.13. Each
    identifier keeps one row, the one of its smallest edge_id. Columns as
    v0.13's full resolution: the watermark is the newest _ingested_at of
    the type's identifiers. -#}
{%- macro default__resolve_identifiers(entity_type, identifiers_table, edges_table, max_recursion=10) -%}
{%- set identifiers = ref(identifiers_table) -%}
{%- set edges = ref(edges_table) -%}
{%- set components = nexus_resolve_components(entity_type, identifiers, edges, max_recursion, by_entity_type=true) if execute else none -%}
{%- set id = entity_type ~ '_id' -%}
with ranked as (
    select
        event_id,
        identifier_type,
        identifier_value,
        row_number() over (
            partition by identifier_type, identifier_value
            order by edge_id, event_id
        ) as row_rank
    from {{ identifiers }}
    where entity_type = '{{ entity_type }}'
),

resolved as (
    select
        {{ nexus.create_nexus_id(entity_type, ['c.component_type', 'c.component_value']) }} as {{ id }},
        r.event_id,
        r.identifier_type,
        r.identifier_value
    from ranked as r
    join {{ components }} as c
        on c.identifier_type = r.identifier_type
        and c.identifier_value = r.identifier_value
    where r.row_rank = 1
)

select
    {{ nexus.create_nexus_id(entity_type ~ '_identifier', [id, 'identifier_type', 'identifier_value']) }} as {{ entity_type }}_identifier_id,
    {{ id }},
    event_id,
    identifier_type,
    identifier_value,
    false as realtime_processed,
    true as existing_{{ entity_type }},
    'full_resolution' as resolution_reason,
    cast(null as {{ dbt.type_string() }}) as previous_entity_id,
    (select max(_ingested_at) from {{ identifiers }} where entity_type = '{{ entity_type }}') as resolved_at_watermark
from resolved
order by {{ id }}, identifier_type, identifier_value
{%- endmacro -%}

{#- Every identifier of the resolved entity types with its entity: one
    select over nexus_resolved_<type>_identifiers per type. -#}
{%- macro resolved_entity_identifiers() -%}
{%- for entity_type in nexus.get_er_entity_types() %}
{%- if not loop.first %}
union all
{%- endif %}
select
    identifier_type,
    identifier_value,
    {{ entity_type }}_id as entity_id,
    '{{ entity_type }}' as entity_type
from {{ ref('nexus_resolved_' ~ entity_type ~ '_identifiers') }}
{%- endfor %}
{%- endmacro -%}

{#- v0.13's resolve_entity_traits(): traits joined to the entity of their
    identifier; per entity and trait name the latest occurred_at wins
    (ties: the larger value, then the later event, so builds agree). -#}
{%- macro resolve_entity_traits() -%}
with identifiers as (
{{ nexus.resolved_entity_identifiers() }}
),

joined as (
    select
        i.entity_id,
        i.entity_type,
        t.trait_name,
        t.trait_value,
        t.occurred_at,
        row_number() over (
            partition by i.entity_id, t.trait_name
            order by t.occurred_at desc, t.trait_value desc, t.event_id desc
        ) as trait_rank
    from {{ ref('nexus_entity_traits') }} as t
    join identifiers as i
        on i.entity_type = t.entity_type
        and i.identifier_type = t.identifier_type
        and i.identifier_value = t.identifier_value
)

select
    {{ nexus.create_nexus_id('entity_trait', ['entity_id', 'trait_name', 'trait_value']) }} as entity_trait_id,
    entity_id,
    entity_type,
    trait_name,
    trait_value,
    occurred_at,
    false as realtime_processed
from joined
where trait_rank = 1
order by entity_id, trait_name
{%- endmacro -%}

{#- v0.13's resolve_relationship_declarations(): each declaration with the
    entities its two identifiers resolve to; a declaration naming an
    identifier no entity has is left out. -#}
{%- macro resolve_relationship_declarations() -%}
with identifiers as (
{{ nexus.resolved_entity_identifiers() }}
)

select
    d.relationship_declaration_id,
    d.event_id,
    d.occurred_at,
    a.entity_id as entity_a_id,
    d.entity_a_type,
    d.entity_a_role,
    b.entity_id as entity_b_id,
    d.entity_b_type,
    d.entity_b_role,
    d.relationship_type,
    d.relationship_direction,
    d.is_active,
    d.source
from {{ ref('nexus_relationship_declarations') }} as d
join identifiers as a
    on a.entity_type = d.entity_a_type
    and a.identifier_type = d.entity_a_identifier_type
    and a.identifier_value = d.entity_a_identifier
join identifiers as b
    on b.entity_type = d.entity_b_type
    and b.identifier_type = d.entity_b_identifier_type
    and b.identifier_value = d.entity_b_identifier
order by d.occurred_at, d.relationship_declaration_id
{%- endmacro -%}
