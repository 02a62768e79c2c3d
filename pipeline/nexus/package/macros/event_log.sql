{#-
    The event-log unions of identifiers and traits, each
    with a row_id, dbt-nexus c918759's process_entity_identifiers and
    process_entity_traits: one select per enabled source model, in
    dbt-nexus's columns. A source model may leave out optional columns (they
    come out NULL) or use the Common Tasks page's simpler shape; each part of
    the union starts with a comment naming the shape it recognised. With no
    enabled source the union is an empty select with the same columns.
-#}

{#- Identifiers of one entity type ('person' or 'group'). row_id is the
    source's own when it has one; otherwise every source row keyed by its
    <entity>_id (or event_id) is one row_id, so the identifiers of one user
    record are joined by edges. Identifiers without a value are dropped. -#}
{%- macro process_entity_identifiers(entity_type) -%}
    {%- set entity = entity_type -%}
    {%- set names = nexus.enabled_sources(entity ~ 's') -%}
    {%- set key = entity ~ '_id' -%}
    {%- if names | length == 0 %}
select
    cast(null as {{ dbt.type_string() }}) as event_id,
    cast(null as {{ dbt.type_string() }}) as row_id,
    cast(null as {{ dbt.type_string() }}) as identifier_type,
    cast(null as {{ dbt.type_string() }}) as identifier_value,
    cast(null as {{ dbt.type_string() }}) as normalized_value,
    cast(null as {{ dbt.type_string() }}) as source,
    cast(null as {{ dbt.type_string() }}) as occurred_at
where false
    {%- endif -%}
    {%- for name in names -%}
        {%- set relation = ref(name ~ '_' ~ entity ~ '_identifiers') -%}
        {%- set columns = nexus.columns_of(relation) -%}
        {%- set events = nexus.keyed_events_relation(name, key) if 'event_id' not in columns and key in columns else none -%}
        {%- if 'row_id' in columns -%}
            {%- set row_id = 'cast(i.row_id as ' ~ dbt.type_string() ~ ')' -%}
            {%- set shape = 'spec shape' -%}
        {%- elif key in columns -%}
            {%- set row_id = dbt_utils.generate_surrogate_key(["'" ~ name ~ "'", 'i.' ~ key]) -%}
            {%- set shape = 'Common Tasks shape: one row_id per ' ~ key -%}
        {%- elif 'event_id' in columns -%}
            {%- set row_id = dbt_utils.generate_surrogate_key(["'" ~ name ~ "'", 'i.event_id']) -%}
            {%- set shape = 'no row_id: one row_id per event_id' -%}
        {%- else -%}
            {%- set row_id = dbt_utils.generate_surrogate_key(["'" ~ name ~ "'", nexus.first_column(columns, ['identifier_type'], alias='i'), nexus.first_column(columns, ['identifier_value'], alias='i')]) -%}
            {%- set shape = 'no row_id, no key: every identifier on its own' -%}
        {%- endif -%}
        {%- if not loop.first %}

union all
        {%- endif %}

-- {{ name }}_{{ entity }}_identifiers: {{ shape }}{{ ', events from ' ~ name ~ '_events' if events is not none else '' }}
select
    cast({{ 'e.event_id' if events is not none else nexus.first_column(columns, ['event_id'], alias='i') }} as {{ dbt.type_string() }}) as event_id,
    {{ row_id }} as row_id,
    cast({{ nexus.first_column(columns, ['identifier_type'], alias='i') }} as {{ dbt.type_string() }}) as identifier_type,
    cast({{ nexus.first_column(columns, ['identifier_value'], alias='i') }} as {{ dbt.type_string() }}) as identifier_value,
    {{ nexus.normalize_identifier(nexus.first_column(columns, ['identifier_type'], alias='i'), nexus.first_column(columns, ['identifier_value'], alias='i')) }} as normalized_value,
    {{ nexus.first_column(columns, ['source'], "'" ~ name ~ "'", alias='i') }} as source,
    {{ 'e.occurred_at' if events is not none else nexus.first_column(columns, ['occurred_at'], alias='i') }} as occurred_at
from {{ relation }} as i
        {%- if events is not none %}
left join {{ events }} as e
    on cast(e.{{ key }} as {{ dbt.type_string() }}) = cast(i.{{ key }} as {{ dbt.type_string() }})
        {%- endif %}
where {{ nexus.first_column(columns, ['identifier_value'], alias='i') }} is not null
    and cast({{ nexus.first_column(columns, ['identifier_value'], alias='i') }} as {{ dbt.type_string() }}) <> ''
    {%- endfor -%}
{%- endmacro -%}

{#- Traits of one entity type. The union adds a row_id where a source has
    none. As in dbt-nexus every row is kept and a
    column a source lacks is NULL: such rows resolve to no entity, and the
    package's not_null warnings name the source. -#}
{%- macro process_entity_traits(entity_type) -%}
    {%- set entity = entity_type -%}
    {#- Traits are optional: a source with persons: true may have only
        identifiers, as in the Common Tasks page's new source. -#}
    {%- set names = [] -%}
    {%- for name in nexus.enabled_sources(entity ~ 's') -%}
        {%- if nexus_has_model(name ~ '_' ~ entity ~ '_traits') -%}
            {%- do names.append(name) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if names | length == 0 %}
select
    cast(null as {{ dbt.type_string() }}) as event_id,
    cast(null as {{ dbt.type_string() }}) as row_id,
    cast(null as {{ dbt.type_string() }}) as identifier_type,
    cast(null as {{ dbt.type_string() }}) as identifier_value,
    cast(null as {{ dbt.type_string() }}) as trait_name,
    cast(null as {{ dbt.type_string() }}) as trait_value,
    cast(null as {{ dbt.type_string() }}) as source,
    cast(null as {{ dbt.type_string() }}) as occurred_at
where false
    {%- endif -%}
    {%- for name in names -%}
        {%- set relation = ref(name ~ '_' ~ entity ~ '_traits') -%}
        {%- set columns = nexus.columns_of(relation) -%}
        {%- if not loop.first %}

union all
        {%- endif %}

-- {{ name }}_{{ entity }}_traits
select
    cast({{ nexus.first_column(columns, ['event_id'], alias='t') }} as {{ dbt.type_string() }}) as event_id,
    {{ 'cast(t.row_id as ' ~ dbt.type_string() ~ ')' if 'row_id' in columns else dbt_utils.generate_surrogate_key(["'" ~ name ~ "'", nexus.first_column(columns, ['event_id'], "''", alias='t'), nexus.first_column(columns, ['identifier_type'], alias='t'), nexus.first_column(columns, ['identifier_value'], alias='t'), nexus.first_column(columns, ['trait_name'], alias='t')]) }} as row_id,
    cast({{ nexus.first_column(columns, ['identifier_type'], alias='t') }} as {{ dbt.type_string() }}) as identifier_type,
    cast({{ nexus.first_column(columns, ['identifier_value'], alias='t') }} as {{ dbt.type_string() }}) as identifier_value,
    cast({{ nexus.first_column(columns, ['trait_name'], alias='t') }} as {{ dbt.type_string() }}) as trait_name,
    cast({{ nexus.first_column(columns, ['trait_value'], alias='t') }} as {{ dbt.type_string() }}) as trait_value,
    {{ nexus.first_column(columns, ['source'], "'" ~ name ~ "'", alias='t') }} as source,
    {{ nexus.first_column(columns, ['occurred_at'], alias='t') }} as occurred_at
from {{ relation }} as t
    {%- endfor -%}
{%- endmacro -%}

