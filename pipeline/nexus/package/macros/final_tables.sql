{#-
    Final tables (NEXUS_SPEC.md section 5).
-#}

{#- The column a trait becomes: lower-cased, spaces to underscores, quotes
    dropped (SQL over the trait_name column). -#}
{%- macro trait_column(column) -%}
lower(replace(replace(replace(trim({{ column }}), ' ', '_'), '"', ''), '''', ''))
{%- endmacro -%}

{#- One row per resolved entity, with its id twice (<entity>_id and id)
    and one column per trait name. The trait names come from the data, so
    they are read from the resolved traits table, which is built by then. A
    trait that would be called like an id column is left out. -#}
{%- macro entity_table(entity) -%}
{%- set id = entity ~ '_id' -%}
{%- set resolved = ref('nexus_resolved_' ~ entity ~ '_identifiers') -%}
{%- set traits = ref('nexus_resolved_' ~ entity ~ '_traits') -%}
{%- set trait_columns = [] -%}
{%- if execute -%}
    {%- set names_sql -%}
select distinct {{ nexus.trait_column('trait_name') }} as column_name
from {{ traits }}
where trait_name is not null
order by 1
    {%- endset -%}
    {%- set names = run_query(names_sql) -%}
    {%- for row in names.rows -%}
        {%- if row[0] and row[0] not in [id, 'id'] -%}
            {%- do trait_columns.append(row[0]) -%}
        {%- endif -%}
    {%- endfor -%}
{%- endif -%}
with entities as (
    select distinct {{ id }}
    from {{ resolved }}
),

traits as (
    select
        {{ id }},
        {{ nexus.trait_column('trait_name') }} as column_name,
        trait_value
    from {{ traits }}
)

select
    e.{{ id }},
    e.{{ id }} as id
    {%- for name in trait_columns %},
    max(case when t.column_name = '{{ name }}' then t.trait_value end) as "{{ name }}"
    {%- endfor %}
from entities as e
left join traits as t
    on t.{{ id }} = e.{{ id }}
group by e.{{ id }}
order by e.{{ id }}
{%- endmacro -%}

{#- Distinct (event, entity) pairs: every event an identifier of the entity
    was seen on. -#}
{%- macro participants(entity) -%}
select distinct
    {{ dbt_utils.generate_surrogate_key(['i.event_id', 'r.' ~ entity ~ '_id']) }} as {{ entity }}_participant_id,
    i.event_id,
    r.{{ entity }}_id
from {{ ref('nexus_' ~ entity ~ '_identifiers') }} as i
join {{ ref('nexus_resolved_' ~ entity ~ '_identifiers') }} as r
    on r.identifier_type = i.identifier_type
    and r.identifier_value = i.identifier_value
where i.event_id is not null
order by i.event_id, r.{{ entity }}_id
{%- endmacro -%}
