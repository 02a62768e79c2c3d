{#-
    Turning a wide source model into the long identifier and trait rows the
    event log reads (dbt-nexus c918759's public macros, same parameters).
-#}

{#- Columns a model carries for bookkeeping: never identifiers or traits
    when the columns are worked out from the model. -#}
{%- macro unpivot_bookkeeping_columns() -%}
    {{- return(['event_id', '_dbt_source_relation', 'id', '_ingested_at', 'occurred_at', 'source',
                'source_ingested_at', 'source_table', 'synced_at', 'created_at', 'updated_at']) -}}
{%- endmacro -%}

{#- The name an additional column has in the output: the alias of
    "expr as alias", else the expression itself. -#}
{%- macro unpivot_output_name(expression) -%}
    {%- if ' as ' in expression -%}
        {{- return(expression.split(' as ')[1]) -}}
    {%- else -%}
        {{- return(expression) -}}
    {%- endif -%}
{%- endmacro -%}

{#- One row per non-NULL cell of the identifier columns of `model_name`:
    event_id, row_id, identifier_type (the column's name, or its entry in
    column_to_identifier_type), identifier_value (as text), then
    additional_columns ("expr" or "expr as name"). Without `columns`, every
    column of the model but the bookkeeping ones and additional_exclude.
    `limit` caps the rows read outside the prod target. -#}
{%- macro unpivot_identifiers(model_name, columns=[], additional_exclude=[], additional_columns=[], event_id_field='event_id', row_id_field='row_id', column_to_identifier_type={}, limit=none) -%}
{%- set identifier_columns = columns if columns else nexus.unpivot_columns(model_name, nexus.unpivot_bookkeeping_columns() + additional_exclude) -%}
with source_data as (
    select
        {{ event_id_field }},
        {%- if row_id_field != event_id_field %}
        {{ row_id_field }},
        {%- endif %}
        {%- for extra in additional_columns %}
        {{ extra }},
        {%- endfor %}
        {%- for column in identifier_columns %}
        {{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ ref(model_name) }}
    {%- if limit is not none and target.name != 'prod' %}
    limit {{ limit }}
    {%- endif %}
)
{%- for column in identifier_columns %}
{{ 'union all' if not loop.first }}
select
    {{ event_id_field }} as event_id,
    {{ row_id_field }} as row_id,
    '{{ column_to_identifier_type.get(column, column) }}' as identifier_type,
    cast({{ column }} as {{ dbt.type_string() }}) as identifier_value
    {%- for extra in additional_columns %},
    {{ nexus.unpivot_output_name(extra) }}
    {%- endfor %}
from source_data
where {{ column }} is not null
{%- endfor %}
{%- endmacro -%}

{#- One row per non-NULL cell of the trait columns of `model_name`, each
    the trait of the identifier in identifier_column: event_id,
    identifier_type (identifier_type, else identifier_column's name),
    identifier_value, trait_name (the column's name, or its entry in
    column_to_trait_name), trait_value (as text), then additional_columns.
    Without `columns`, every column but the bookkeeping ones, the identifier
    column and additional_exclude. -#}
{%- macro unpivot_traits(model_name, columns=[], identifier_column='identifier_value', identifier_type=none, additional_exclude=[], additional_columns=[], column_to_trait_name={}, event_id_field='event_id', limit=none) -%}
{%- set trait_columns = columns if columns else nexus.unpivot_columns(model_name, nexus.unpivot_bookkeeping_columns() + [identifier_column] + additional_exclude) -%}
with source_data as (
    select
        {{ event_id_field }} as event_id,
        {{ identifier_column }} as identifier_column,
        {%- for extra in additional_columns %}
        {{ extra }},
        {%- endfor %}
        {%- for column in trait_columns %}
        {{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ ref(model_name) }}
    {%- if limit is not none and target.name != 'prod' %}
    limit {{ limit }}
    {%- endif %}
)
{%- for column in trait_columns %}
{{ 'union all' if not loop.first }}
select
    event_id,
    '{{ identifier_type if identifier_type is not none else identifier_column }}' as identifier_type,
    identifier_column as identifier_value,
    '{{ column_to_trait_name.get(column, column) }}' as trait_name,
    cast({{ column }} as {{ dbt.type_string() }}) as trait_value
    {%- for extra in additional_columns %},
    {{ nexus.unpivot_output_name(extra) }}
    {%- endfor %}
from source_data
where {{ column }} is not null
{%- endfor %}
{%- endmacro -%}

{#- The columns of a model but `exclude`, in the model's order. -#}
{%- macro unpivot_columns(model_name, exclude) -%}
    {%- set found = [] -%}
    {%- for column in adapter.get_columns_in_relation(ref(model_name)) -%}
        {%- if column.column not in exclude -%}
            {%- do found.append(column.column) -%}
        {%- endif -%}
    {%- endfor -%}
    {{- return(found) -}}
{%- endmacro -%}

{#- Every column name of a model, as a list (for a surrogate key over all
    of them). -#}
{%- macro get_surrogate_key_columns(model_name) -%}
    {%- set names = [] -%}
    {%- for column in adapter.get_columns_in_relation(ref(model_name)) -%}
        {%- do names.append(column.column) -%}
    {%- endfor -%}
    {{- return(names) -}}
{%- endmacro -%}
