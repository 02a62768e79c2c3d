{#-
    Long identifier and trait rows back to one row per entity (dbt-nexus
    c918759's public macros, same parameters and columns).
-#}

{#- The column name a trait or identifier type becomes, as in dbt-nexus:
    lower-cased, spaces to underscores (as SQL over `column`; written
    without quote escapes, which warehouses spell differently). -#}
{%- macro trait_column(column) -%}
lower(replace(trim({{ column }}), ' ', '_'))
{%- endmacro -%}

{#- Whether a column name from the data can be written in SQL as it is:
    names holding quotes or backslashes are left out of the pivot. -#}
{%- macro plain_column_name(name) -%}
    {{- return(name and "'" not in name and '"' not in name and '\\' not in name) -}}
{%- endmacro -%}

{#- One row per entity of `identifiers_model` with its identifiers as
    columns: <type>, <type>2, <type>3... as many per type as the entity
    with the most of that type has, values in order within a type. -#}
{%- macro pivot_identifiers(identifiers_model, entity_id_column='group_id') -%}
{%- set relation = ref(identifiers_model) -%}
{%- set slots = [] -%}
{%- if execute -%}
    {%- set counts_sql -%}
select column_name, max(per_entity) as max_per_entity
from (
    select {{ entity_id_column }}, {{ nexus.trait_column('identifier_type') }} as column_name, identifier_type,
        count(distinct identifier_value) as per_entity
    from {{ relation }}
    where identifier_value is not null
    group by {{ entity_id_column }}, identifier_type
) as counts
group by column_name
order by column_name
    {%- endset -%}
    {%- for row in run_query(counts_sql).rows if nexus.plain_column_name(row[0]) -%}
        {%- set most = row[1] | int -%}
        {%- for i in range(1, most + 1) -%}
            {%- set suffix = '' if i == 1 else i -%}
            {%- do slots.append({'column': row[0], 'rank': i, 'name': row[0] ~ suffix}) -%}
        {%- endfor -%}
    {%- endfor -%}
{%- endif -%}
with ranked_identifiers as (
    select
        {{ entity_id_column }},
        {{ nexus.trait_column('identifier_type') }} as column_name,
        identifier_value,
        dense_rank() over (
            partition by {{ entity_id_column }}, {{ nexus.trait_column('identifier_type') }}
            order by identifier_value
        ) as value_rank
    from {{ relation }}
    where identifier_value is not null
)

select
    {{ entity_id_column }}
    {%- for slot in slots %},
    max(case when column_name = '{{ slot.column }}' and value_rank = {{ slot.rank }} then identifier_value end) as "{{ slot.name }}"
    {%- endfor %}
from ranked_identifiers
group by {{ entity_id_column }}
{%- endmacro -%}

{#- One row per entity of `traits_model`: a column per trait name (the
    largest value when an entity has several), then the entity id as
    <prefix><entity_id_column>. A trait named like that id column, or like
    the entity id or `id`, is left out so the columns stay unique. -#}
{%- macro pivot_traits(traits_model, entity_id_column='group_id', prefix='traits_') -%}
{%- set relation = ref(traits_model) -%}
{%- set names = [] -%}
{%- if execute -%}
    {%- set names_sql -%}
select distinct {{ nexus.trait_column('trait_name') }} as column_name
from {{ relation }}
where trait_name is not null
order by 1
    {%- endset -%}
    {%- for row in run_query(names_sql).rows -%}
        {%- if nexus.plain_column_name(row[0]) and row[0] not in [entity_id_column, prefix ~ entity_id_column, 'id'] -%}
            {%- do names.append(row[0]) -%}
        {%- endif -%}
    {%- endfor -%}
{%- endif -%}
{#- Each row's column name is worked out once: merged into the grouping,
    as SQLite would merge a plain subquery, it is worked out per column. #}
with named_traits as materialized (
    select {{ entity_id_column }}, {{ nexus.trait_column('trait_name') }} as column_name, trait_value
    from {{ relation }}
)
select
    {%- for name in names %}
    max(case when column_name = '{{ name }}' then trait_value end) as "{{ name }}",
    {%- endfor %}
    {{ entity_id_column }} as {{ prefix }}{{ entity_id_column }}
from named_traits
group by {{ entity_id_column }}
{%- endmacro -%}
