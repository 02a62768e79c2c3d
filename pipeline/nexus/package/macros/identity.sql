{#-
    Identity resolution for one entity type,
    'person' or 'group'.
-#}

{#- Every ordered pair of distinct identifiers seen on the same row_id, in
    both directions, once per row_id, as a select (no filter). occurred_at
    and created_at are when the edge was first seen (the earliest of its
    identifier rows), which keeps builds reproducible; written as a CASE,
    since min(a, b) is an aggregate of the n smallest in DuckDB. An identifier repeated
    on one row_id (the same user record on many events) counts once, so the
    pairs do not multiply. The identifiers are grouped once and joined to
    themselves, so the table is read once. -#}
{%- macro identifier_pairs(identifiers) -%}
with row_identifiers as (
    select
        row_id,
        identifier_type,
        identifier_value,
        min(occurred_at) as occurred_at,
        min(source) as source
    from {{ identifiers }}
    where row_id is not null
    group by row_id, identifier_type, identifier_value
)

select
    a.identifier_type as identifier_type_a,
    a.identifier_value as identifier_value_a,
    b.identifier_type as identifier_type_b,
    b.identifier_value as identifier_value_b,
    a.row_id,
    a.source,
    case when b.occurred_at < a.occurred_at then b.occurred_at else coalesce(a.occurred_at, b.occurred_at) end as occurred_at,
    case when b.occurred_at < a.occurred_at then b.occurred_at else coalesce(a.occurred_at, b.occurred_at) end as created_at
from row_identifiers as a
join row_identifiers as b
    on a.row_id = b.row_id
    and (a.identifier_type <> b.identifier_type or a.identifier_value <> b.identifier_value)
{%- endmacro -%}

{#- dbt-nexus's create_identifier_edges: the edges resolution reads, from
    the identifiers model named identifiers_table. Its columns are
    identifier_type_a, identifier_value_a, identifier_type_b,
    identifier_value_b as in dbt-nexus, then the playground's row_id, source,
    occurred_at and created_at, which `nexus explain` shows. The pairs lose
    the edges of over-connected identifiers when var nexus.edge_quality asks
    for it. With error_autofilter (or critical_autofilter) true, every
    edge touching an identifier joined to more distinct identifiers than
    error_threshold (or critical_threshold) is dropped before resolution.
    edge_distributions keeps showing them. -#}
{%- macro create_identifier_edges(identifiers_table) -%}
{%- set identifiers = ref(identifiers_table) -%}
{%- set limit = nexus.edge_autofilter_limit() -%}
{%- set ignored = var('nexus_ignore_identifiers', []) -%}
with pairs as (
{%- if ignored | length == 0 %}
{{ nexus.identifier_pairs(identifiers) }}
{%- else %}
    {#- var nexus_ignore_identifiers: values (or TYPE:VALUE) that never join
        anything, such as a shared support inbox or a placeholder. #}
    select *
    from (
{{ nexus.identifier_pairs(identifiers) }}
    ) as all_pairs
    where {{ nexus.ignored_identifier('identifier_type_a', 'identifier_value_a', ignored) }} = 0
        and {{ nexus.ignored_identifier('identifier_type_b', 'identifier_value_b', ignored) }} = 0
{%- endif %}
)
{%- if limit is none %}

select *
from pairs
{%- else %},

over_connected as (
    select identifier_type_a as identifier_type, identifier_value_a as identifier_value
    from pairs
    group by identifier_type_a, identifier_value_a
    having count(distinct identifier_type_b || {{ nexus.separator() }} || identifier_value_b) > {{ limit }}
)

select *
from pairs as p
where not exists (
    select 1
    from over_connected as o
    where (o.identifier_type = p.identifier_type_a and o.identifier_value = p.identifier_value_a)
        or (o.identifier_type = p.identifier_type_b and o.identifier_value = p.identifier_value_b)
)
{%- endif -%}
{%- endmacro -%}

{#- dbt-nexus's resolve_identifiers: each identifier of identifiers_table
    with the id of the entity it resolves to, walking the edges of
    edges_table at most max_recursion steps. Dispatched per warehouse like
    dbt-nexus's, so a project may bring its own <adapter>__resolve_identifiers;
    the package's one is default__resolve_identifiers. -#}
{%- macro resolve_identifiers(entity_type, identifiers_table, edges_table, max_recursion=10) -%}
    {{- return(adapter.dispatch('resolve_identifiers', 'nexus')(entity_type, identifiers_table, edges_table, max_recursion)) -}}
{%- endmacro -%}

{#- The components come from nexus_resolve_components, which the runner
    provides: it reads the identifiers and edges once, resolves them in Go
    (var nexus_resolution: bounded by max_recursion as in dbt-nexus, or
    exact) and returns a table of (identifier_type, identifier_value,
    event_id, component_type, component_value), one row per identifier, the
    component being the smallest identifier reached. The event_id is the one
    of the identifier's first row (smallest row_id, then event_id), the row
    dbt-nexus's row_number() over (partition by identifier_type,
    identifier_value order by row_id, event_id) keeps: the runner picks it
    from the same read, so the identifiers are not ranked again here. The
    entity id is the surrogate key of the component, as in dbt-nexus, so it
    is stable across builds and warehouses.
    Columns: identifier_id, <entity>_id, event_id, identifier_type,
    identifier_value, realtime_processed, existing_<entity>. -#}
{%- macro default__resolve_identifiers(entity_type, identifiers_table, edges_table, max_recursion=10) -%}
{%- set identifiers = ref(identifiers_table) -%}
{%- set edges = ref(edges_table) -%}
{%- set components = nexus_resolve_components(entity_type, identifiers, edges, max_recursion, first_event=true) if execute else none -%}
with resolved as (
    select
        {{ dbt_utils.generate_surrogate_key(['component_type', 'component_value']) }} as {{ entity_type }}_id,
        event_id,
        identifier_type,
        identifier_value
    from {{ components }}
)

select
    {{ dbt_utils.generate_surrogate_key([entity_type ~ '_id', 'identifier_type', 'identifier_value']) }} as identifier_id,
    {{ entity_type }}_id,
    event_id,
    identifier_type,
    identifier_value,
    false as realtime_processed,
    true as existing_{{ entity_type }}
from resolved
order by {{ entity_type }}_id, identifier_type, identifier_value
{%- endmacro -%}

{#- dbt-nexus's resolve_traits: traits joined to resolved identifiers on
    type and value; per entity and trait name the latest occurred_at wins
    (ties: the larger value, then the later event). Columns as dbt-nexus:
    trait_id, <entity>_id, trait_name, trait_value, occurred_at,
    realtime_processed; then the playground's event_id and source, which the
    page's person view shows. -#}
{%- macro resolve_traits(entity_type) -%}
{%- set entity = entity_type -%}
{%- if target.type == 'sqlite' %}
select
    {{ dbt_utils.generate_surrogate_key(['r.' ~ entity ~ '_id', 't.trait_name', 't.trait_value']) }} as trait_id,
    r.{{ entity }}_id,
    t.trait_name,
    t.trait_value,
    t.occurred_at,
    false as realtime_processed,
    t.event_id,
    t.source
from {{ ref('nexus_' ~ entity ~ '_traits') }} as t
join {{ ref('nexus_resolved_' ~ entity ~ '_identifiers') }} as r
    on r.identifier_type = t.identifier_type
    and r.identifier_value = t.identifier_value
group by r.{{ entity }}_id, t.trait_name
{#- SQLite takes the columns not grouped from the row of the one max():
    nexus_order_key orders as the tuple, so that row is the one the window
    below ranks first, without buffering every partition as a window does. #}
having max(nexus_order_key(t.occurred_at, t.trait_value, t.event_id)) is not null
order by r.{{ entity }}_id, t.trait_name
{%- else %}
with joined as (
    select
        r.{{ entity }}_id,
        t.event_id,
        t.trait_name,
        t.trait_value,
        t.occurred_at,
        t.source,
        row_number() over (
            partition by r.{{ entity }}_id, t.trait_name
            order by t.occurred_at desc, t.trait_value desc, t.event_id desc
        ) as trait_rank
    from {{ ref('nexus_' ~ entity ~ '_traits') }} as t
    join {{ ref('nexus_resolved_' ~ entity ~ '_identifiers') }} as r
        on r.identifier_type = t.identifier_type
        and r.identifier_value = t.identifier_value
)

select
    {{ dbt_utils.generate_surrogate_key([entity ~ '_id', 'trait_name', 'trait_value']) }} as trait_id,
    {{ entity }}_id,
    trait_name,
    trait_value,
    occurred_at,
    false as realtime_processed,
    event_id,
    source
from joined
where trait_rank = 1
order by {{ entity }}_id, trait_name
{%- endif %}
{%- endmacro -%}


{#- 1 when an identifier is listed in var nexus_ignore_identifiers (a value,
    or TYPE:VALUE), else 0. -#}
{%- macro ignored_identifier(type_column, value_column, ignored) -%}
(case when {{ value_column }} in (
    {%- for v in ignored %}'{{ v | replace("'", "''") }}'{% if not loop.last %}, {% endif %}{% endfor -%}
) or {{ type_column }} || ':' || {{ value_column }} in (
    {%- for v in ignored %}'{{ v | replace("'", "''") }}'{% if not loop.last %}, {% endif %}{% endfor -%}
) then 1 else 0 end)
{%- endmacro -%}
