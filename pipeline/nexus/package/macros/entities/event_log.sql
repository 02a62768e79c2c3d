{#-
    The entity layer's event log (dbt-nexus v0.13's shapes): the union of
    every source's <source>_entity_identifiers, <source>_entity_traits,
    <source>_relationship_declarations and <source>_events, in v0.13's
    columns. A source model may leave optional columns out: they come out
    NULL (source: the source's name; _ingested_at: occurred_at, as v0.13
    does without incremental resolution). With no source the union is an
    empty select with the same columns.
-#}

{#- One select of `columns` from a source model: a column the model lacks
    is NULL, its source the source's name, its _ingested_at its
    occurred_at. -#}
{%- macro entity_log_select(relation, source_name, columns) -%}
    {%- set have = nexus.columns_of(relation) -%}
    {%- set defaults = {'source': "'" ~ source_name ~ "'", '_ingested_at': nexus.first_column(have, ['occurred_at'], alias='s')} -%}
select
    {%- for column in columns %}
    {{ nexus.first_column(have, [column], defaults.get(column, 'null'), alias='s') }} as {{ column }}{{ ',' if not loop.last }}
    {%- endfor %}
from {{ relation }} as s
{%- endmacro -%}

{#- The union over the enabled sources with `flag` of <source>_<suffix>. -#}
{%- macro entity_log_union(flag, suffix, columns) -%}
    {%- set names = nexus.enabled_sources(flag) -%}
    {%- if names | length == 0 %}
select
    {%- for column in columns %}
    cast(null as {{ dbt.type_string() }}) as {{ column }}{{ ',' if not loop.last }}
    {%- endfor %}
where false
    {%- endif -%}
    {%- for name in names -%}
        {%- if not loop.first %}

union all
        {%- endif %}

-- {{ name }}_{{ suffix }}
{{ nexus.entity_log_select(ref(name ~ '_' ~ suffix), name, columns) }}
    {%- endfor -%}
{%- endmacro -%}

{#- v0.13's process_entity_identifiers(): every identifier occurrence with
    its normalised value (nexus.normalize_identifier), entity_type and the
    edge_id that joins the identifiers of one source row. Rows without a
    value are dropped. -#}
{%- macro process_entity_identifiers() -%}
{%- set columns = ['entity_identifier_id', 'event_id', 'edge_id', 'entity_type', 'identifier_type', 'identifier_value', 'role', 'source', 'occurred_at', '_ingested_at'] -%}
with unioned as (
{{ nexus.entity_log_union('entities', 'entity_identifiers', columns) }}
)

select
    entity_identifier_id,
    event_id,
    edge_id,
    entity_type,
    identifier_type,
    cast(identifier_value as {{ dbt.type_string() }}) as identifier_value,
    {{ nexus.normalize_identifier('identifier_type', 'identifier_value') }} as normalized_value,
    role,
    source,
    occurred_at,
    _ingested_at
from unioned
where identifier_value is not null
    and cast(identifier_value as {{ dbt.type_string() }}) <> ''
{%- endmacro -%}

{#- v0.13's process_entity_traits(): every trait occurrence, keyed by the
    identifier it describes. -#}
{%- macro process_entity_traits() -%}
{%- set columns = ['entity_trait_id', 'event_id', 'entity_type', 'identifier_type', 'identifier_value', 'trait_name', 'trait_value', 'source', 'occurred_at'] -%}
{{ nexus.entity_log_union('entities', 'entity_traits', columns) }}
{%- endmacro -%}

{#- v0.13's process_relationship_declarations(): every declared
    relationship between two entities named by an identifier each. -#}
{%- macro process_relationship_declarations() -%}
{%- set columns = ['relationship_declaration_id', 'event_id', 'occurred_at', 'entity_a_identifier', 'entity_a_identifier_type',
    'entity_a_type', 'entity_a_role', 'entity_b_identifier', 'entity_b_identifier_type', 'entity_b_type', 'entity_b_role',
    'relationship_type', 'relationship_direction', 'is_active', 'source'] -%}
{{ nexus.entity_log_union('relationships', 'relationship_declarations', columns) }}
{%- endmacro -%}

{#- v0.13's nexus_events: the event columns it keeps of every source's
    <source>_events (a column a source lacks is NULL), and when the build
    read them. Newest first. -#}
{%- macro entity_layer_events() -%}
{%- set columns = ['event_id', 'occurred_at', 'event_name', 'event_description', 'event_type', 'significance', 'source', 'source_table', '_ingested_at'] -%}
with unioned as (
{{ nexus.entity_log_union('events', 'events', columns) }}
)

select
    {%- for column in columns %}
    {{ column }},
    {%- endfor %}
    current_timestamp as _processed_at
from unioned
order by occurred_at desc, event_id
{%- endmacro -%}
