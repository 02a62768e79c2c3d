{#- dbt's own macros that projects and packages call as dbt.name or bare,
    written from dbt's documentation. The SQL they write is the
    warehouse's (target.type), through the cross-database macros, and is
    translated with the model. -#}

{#- get_powers_of_two(upper_bound): the least n, at least 1, with
    2 ** n >= upper_bound. -#}
{% macro get_powers_of_two(upper_bound) %}
{%- if upper_bound <= 0 -%}
{{ exceptions.raise_compiler_error("upper bound must be positive") }}
{%- endif -%}
{%- set state = namespace(n=1) -%}
{%- for _ in range(99) -%}
{%- if 2 ** state.n < upper_bound -%}{%- set state.n = state.n + 1 -%}{%- endif -%}
{%- endfor -%}
{{ return(state.n) }}
{% endmacro %}

{#- generate_series(upper_bound): the numbers 1 to upper_bound as
    generated_number. -#}
{% macro generate_series(upper_bound) %}
with recursive _dbt_series as (
    select 1 as generated_number
    union all
    select generated_number + 1 from _dbt_series where generated_number < ({{ upper_bound }})
)
select generated_number from _dbt_series
{% endmacro %}

{#- date_spine(datepart, start_date, end_date): one row per datepart from
    start_date up to, not including, end_date, as date_<datepart>. -#}
{% macro date_spine(datepart, start_date, end_date) %}
with recursive _dbt_spine as (
    select 0 as period_index
    union all
    select period_index + 1 from _dbt_spine
    where period_index + 1 < ({{ dbt.datediff(start_date, end_date, datepart) }})
),
_dbt_periods as (
    select {{ dbt.dateadd(datepart, 'period_index', start_date) }} as date_{{ datepart }}
    from _dbt_spine
    where 0 < ({{ dbt.datediff(start_date, end_date, datepart) }})
)
select * from _dbt_periods
{% endmacro %}

{#- get_intervals_between(start_date, end_date, datepart): the number of
    dateparts between the two, asked of the database. -#}
{% macro get_intervals_between(start_date, end_date, datepart) %}
{%- if not execute -%}{{ return('') }}{%- endif -%}
{%- set result = run_query('select ' ~ dbt.datediff(start_date, end_date, datepart)) -%}
{{- return(result.columns[0].values()[0]) -}}
{% endmacro %}

{#- make_temp_relation(base_relation, suffix): the relation named
    <identifier><suffix> beside base_relation; DuckDB's adapter adds the
    time and names it alone, as a temporary table is. -#}
{% macro make_temp_relation(base_relation, suffix='__dbt_tmp') %}
{%- if target.type == 'duckdb' -%}
{{ return(base_relation.incorporate(path={"identifier": base_relation.identifier ~ suffix ~ py_current_timestring(), "schema": none, "database": none})) }}
{%- endif -%}
{{ return(base_relation.incorporate(path={"identifier": base_relation.identifier ~ suffix})) }}
{% endmacro %}

{% macro make_intermediate_relation(base_relation, suffix='__dbt_tmp') %}
{{ return(dbt.make_temp_relation(base_relation, suffix)) }}
{% endmacro %}

{% macro drop_relation_if_exists(relation) %}
{%- if relation is not none -%}{% do adapter.drop_relation(relation) %}{%- endif -%}
{% endmacro %}

{#- get_columns_in_query(select_sql): the names of the columns the query
    gives, asked of the database without reading its rows. -#}
{% macro get_columns_in_query(select_sql) %}
{%- if not execute -%}{{ return([]) }}{%- endif -%}
{%- set result = run_query('select * from (' ~ select_sql ~ ') as _dbt_columns_probe where 1 = 0') -%}
{{ return(result.columns | map(attribute='name') | list) }}
{% endmacro %}

{#- should_full_refresh(): the node's full_refresh config, else the
    --full-refresh flag. -#}
{% macro should_full_refresh() %}
{%- set configured = config.get('full_refresh') -%}
{{ return(flags.FULL_REFRESH if configured is none else configured) }}
{% endmacro %}

{#- create_table_as(temporary, relation, compiled_code): the statement that
    makes relation a table of the query's rows, as each adapter writes it:
    BigQuery and Snowflake replace the table, DuckDB and SQLite create it
    (an existing one is an error there) and name a temporary table by its
    identifier alone; SQLite takes the query unbracketed. -#}
{% macro create_table_as(temporary, relation, compiled_code, language='sql') -%}
{%- if target.type in ('bigquery', 'snowflake') -%}
create or replace {% if temporary and target.type == 'snowflake' %}temporary {% endif %}table {{ relation }}
{%- else -%}
create {% if temporary %}temporary {% endif %}table {{ relation.include(database=(not temporary), schema=(not temporary)) }}
{%- endif %} as
{%- if target.type == 'sqlite' %}
{{ compiled_code }}
{%- else %} (
{{ compiled_code }}
)
{%- endif %}
{%- endmacro %}

{% macro get_create_table_as_sql(temporary, relation, sql) %}
{{- return(dbt.create_table_as(temporary, relation, sql)) -}}
{% endmacro %}

{#- create_view_as(relation, sql): the statement that makes relation a view
    of the query; BigQuery and Snowflake replace an existing one. -#}
{% macro create_view_as(relation, sql) -%}
{%- if target.type == 'sqlite' -%}
create view {{ relation }} as
{{ sql }}
{%- else -%}
create {% if target.type in ('bigquery', 'snowflake') %}or replace {% endif %}view {{ relation }} as (
{{ sql }}
)
{%- endif -%}
{%- endmacro %}

{% macro get_create_view_as_sql(relation, sql) %}
{{- return(dbt.create_view_as(relation, sql)) -}}
{% endmacro %}

{#- truncate_relation(relation): empties the table. -#}
{% macro truncate_relation(relation) %}
{%- call statement('truncate_relation') -%}
truncate table {{ relation }}
{%- endcall -%}
{% endmacro %}
