{#-
    Identity resolution (NEXUS_SPEC.md section 4) for one entity type,
    'person' or 'group'.
-#}

{#- Every ordered pair of distinct identifiers seen on the same row_id, in
    both directions, once per row_id, as a select (no filter). occurred_at
    and created_at are when the edge was first seen (the earliest of its
    identifier rows), which keeps builds reproducible. An identifier repeated
    on one row_id (the same user record on many events) counts once, so the
    pairs do not multiply. -#}
{%- macro identifier_pairs(entity) -%}
select
    a.identifier_type as identifier_type_a,
    a.identifier_value as identifier_value_a,
    b.identifier_type as identifier_type_b,
    b.identifier_value as identifier_value_b,
    a.row_id,
    a.source,
    min(coalesce(a.occurred_at, b.occurred_at), coalesce(b.occurred_at, a.occurred_at)) as occurred_at,
    min(coalesce(a.occurred_at, b.occurred_at), coalesce(b.occurred_at, a.occurred_at)) as created_at
from (
    select
        row_id,
        identifier_type,
        identifier_value,
        min(occurred_at) as occurred_at,
        min(source) as source
    from {{ ref('nexus_' ~ entity ~ '_identifiers') }}
    where row_id is not null
    group by row_id, identifier_type, identifier_value
) as a
join (
    select
        row_id,
        identifier_type,
        identifier_value,
        min(occurred_at) as occurred_at
    from {{ ref('nexus_' ~ entity ~ '_identifiers') }}
    where row_id is not null
    group by row_id, identifier_type, identifier_value
) as b
    on a.row_id = b.row_id
    and (a.identifier_type <> b.identifier_type or a.identifier_value <> b.identifier_value)
{%- endmacro -%}

{#- The edges resolution reads: the pairs, less the edges of over-connected
    identifiers when var nexus.edge_quality asks for it (NEXUS_SPEC.md
    section 8). With error_autofilter (or critical_autofilter) true, every
    edge touching an identifier joined to more distinct identifiers than
    error_threshold (or critical_threshold) is dropped before resolution.
    edge_distributions keeps showing them. -#}
{%- macro identifier_edges(entity) -%}
{%- set limit = nexus.edge_autofilter_limit() -%}
{%- set ignored = var('nexus_ignore_identifiers', []) -%}
with pairs as (
{%- if ignored | length == 0 %}
{{ nexus.identifier_pairs(entity) }}
{%- else %}
    {#- var nexus_ignore_identifiers: values (or TYPE:VALUE) that never join
        anything, such as a shared support inbox or a placeholder. #}
    select *
    from (
{{ nexus.identifier_pairs(entity) }}
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
    having count(distinct identifier_type_b || char(31) || identifier_value_b) > {{ limit }}
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

{#- One row per distinct identifier with the id of the entity it resolves
    to. The components come from nexus_resolve_components, which the runner
    provides: it reads the identifiers and edges, resolves them (var
    nexus_resolution: bounded by var nexus_max_recursion as in dbt-nexus, or
    exact) and returns a table of (identifier_type, identifier_value,
    component_type, component_value), the component being the smallest
    identifier the identifier reaches. The id is a hash of the component, so
    it is stable across builds. The earliest row of each identifier gives
    its event_id. -#}
{%- macro resolved_identifiers(entity) -%}
{%- set identifiers = ref('nexus_' ~ entity ~ '_identifiers') -%}
{%- set edges = ref('nexus_' ~ entity ~ '_identifiers_edges') -%}
{%- set components = nexus_resolve_components(entity, identifiers, edges) if execute else none -%}
with ranked as (
    select
        event_id,
        row_id,
        identifier_type,
        identifier_value,
        row_number() over (
            partition by identifier_type, identifier_value
            order by occurred_at is null, occurred_at, row_id
        ) as row_rank
    from {{ identifiers }}
)

select
    {{ dbt_utils.generate_surrogate_key(['c.component_type', 'c.component_value']) }} as {{ entity }}_id,
    r.event_id,
    r.identifier_type,
    r.identifier_value
from ranked as r
join {{ components }} as c
    on c.identifier_type = r.identifier_type
    and c.identifier_value = r.identifier_value
where r.row_rank = 1
order by 1, r.identifier_type, r.identifier_value
{%- endmacro -%}

{#- Traits joined to resolved identifiers on type and value; per entity and
    trait name the latest occurred_at wins (ties: the larger value). -#}
{%- macro resolved_traits(entity) -%}
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
    event_id,
    trait_name,
    trait_value,
    occurred_at,
    source
from joined
where trait_rank = 1
order by {{ entity }}_id, trait_name
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
