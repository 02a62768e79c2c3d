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

{#- get_or_create_relation(database, schema, identifier, type): a pair,
    whether the relation exists and the relation: the one the database
    holds, else one made of the names and type, which nothing creates yet. -#}
{% macro get_or_create_relation(database, schema, identifier, type) -%}
{{ return(adapter.dispatch('get_or_create_relation', 'dbt')(database, schema, identifier, type)) }}
{%- endmacro %}

{% macro default__get_or_create_relation(database, schema, identifier, type) -%}
{%- set found = adapter.get_relation(database=database, schema=schema, identifier=identifier) -%}
{%- if found -%}{{ return([true, found]) }}{%- endif -%}
{{ return([false, api.Relation.create(database=database, schema=schema, identifier=identifier, type=type)]) }}
{%- endmacro %}

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

{#- get_quoted_csv(column_names): the names quoted as the warehouse quotes
    identifiers, joined by ", ". -#}
{% macro get_quoted_csv(column_names) %}
{%- set quoted = [] -%}
{%- for name in column_names -%}{%- do quoted.append(adapter.quote(name)) -%}{%- endfor -%}
{{- return(quoted | join(', ')) -}}
{% endmacro %}

{#- get_merge_update_columns(merge_update_columns, merge_exclude_columns,
    dest_columns): the columns a merge updates: those of
    merge_update_columns as written, else the destination's columns (quoted)
    but those merge_exclude_columns names (case ignored), else all of them.
    Both configs at once are an error. -#}
{% macro get_merge_update_columns(merge_update_columns, merge_exclude_columns, dest_columns) %}
{{- return(adapter.dispatch('get_merge_update_columns', 'dbt')(merge_update_columns, merge_exclude_columns, dest_columns)) -}}
{% endmacro %}

{% macro default__get_merge_update_columns(merge_update_columns, merge_exclude_columns, dest_columns) %}
{%- if merge_update_columns and merge_exclude_columns -%}
{{ exceptions.raise_compiler_error('Model cannot specify merge_update_columns and merge_exclude_columns. Please update model to use only one config') }}
{%- endif -%}
{%- if merge_update_columns -%}{{ return(merge_update_columns) }}{%- endif -%}
{%- set excluded = (merge_exclude_columns or []) | map('lower') | list -%}
{%- set kept = [] -%}
{%- for col in dest_columns -%}
{%- if col.column | lower not in excluded -%}{%- do kept.append(col.quoted) -%}{%- endif -%}
{%- endfor -%}
{{- return(kept) -}}
{% endmacro %}

{#- get_merge_sql(target, source, unique_key, dest_columns,
    incremental_predicates): the MERGE of dbt's merge strategy, by
    adapter.dispatch (a project's <adapter>__get_merge_sql first). The
    target is DBT_INTERNAL_DEST and the source DBT_INTERNAL_SOURCE; rows
    match on the predicates and on each unique_key column (a name or a
    list); matched rows update the update columns (merge_update_columns,
    merge_exclude_columns), new rows are inserted into dest_columns. With no
    unique_key nothing matches: every source row is inserted. predicates=
    is the old name of incremental_predicates. -#}
{% macro get_merge_sql(target, source, unique_key, dest_columns, incremental_predicates=none) -%}
{%- set incremental_predicates = kwargs.get('predicates', incremental_predicates) -%}
{{- adapter.dispatch('get_merge_sql', 'dbt')(target, source, unique_key, dest_columns, incremental_predicates) -}}
{%- endmacro %}

{% macro default__get_merge_sql(target, source, unique_key, dest_columns, incremental_predicates=none) -%}
{%- set predicates = [] if incremental_predicates is none else [] + incremental_predicates -%}
{%- set names = dest_columns | map(attribute='name') | list -%}
{%- set update_columns = get_merge_update_columns(config.get('merge_update_columns'), config.get('merge_exclude_columns'), dest_columns) -%}
{%- set sql_header = config.get('sql_header', none) -%}
{%- if unique_key -%}
{%- if unique_key is string -%}
{%- do predicates.append(dbt.equals('DBT_INTERNAL_SOURCE.' ~ unique_key, 'DBT_INTERNAL_DEST.' ~ unique_key)) -%}
{%- else -%}
{%- for key in unique_key -%}
{%- do predicates.append('DBT_INTERNAL_SOURCE.' ~ key ~ ' = DBT_INTERNAL_DEST.' ~ key) -%}
{%- endfor -%}
{%- endif -%}
{%- else -%}
{%- do predicates.append('FALSE') -%}
{%- endif -%}
{{ sql_header if sql_header is not none }}
merge into {{ target }} as DBT_INTERNAL_DEST
    using {{ source }} as DBT_INTERNAL_SOURCE
    on ({{ predicates | join(') and (') }})
{%- if unique_key %}
when matched then update set
    {% for col in update_columns -%}
    {{ col }} = DBT_INTERNAL_SOURCE.{{ col }}{{ ', ' if not loop.last }}
    {%- endfor %}
{%- endif %}
when not matched then insert
    ({{ get_quoted_csv(names) }})
values
    ({% for name in names -%}DBT_INTERNAL_SOURCE.{{ adapter.quote(name) }}{{ ', ' if not loop.last }}{%- endfor %})
{% endmacro %}

{#- On Snowflake, a merge without unique_key is an insert of every source
    row. -#}
{% macro snowflake__get_merge_sql(target, source, unique_key, dest_columns, incremental_predicates=none) -%}
{%- if unique_key is none -%}
{%- set sql_header = config.get('sql_header', none) -%}
{{ sql_header if sql_header is not none }}
insert into {{ target }} ({{ get_quoted_csv(dest_columns | map(attribute='name')) }})
(
    select {{ get_quoted_csv(dest_columns | map(attribute='name')) }}
    from {{ source }}
)
{%- else -%}
{{ dbt.default__get_merge_sql(target, source, unique_key, dest_columns, incremental_predicates) }}
{%- endif -%}
{% endmacro %}

{#- get_delete_insert_merge_sql(target, source, unique_key, dest_columns,
    incremental_predicates): deletes the target's rows whose unique_key
    (a name or a list) the source holds, and the predicates hold for, then
    inserts every source row. -#}
{% macro get_delete_insert_merge_sql(target, source, unique_key, dest_columns, incremental_predicates=none) -%}
{{- adapter.dispatch('get_delete_insert_merge_sql', 'dbt')(target, source, unique_key, dest_columns, incremental_predicates) -}}
{%- endmacro %}

{% macro default__get_delete_insert_merge_sql(target, source, unique_key, dest_columns, incremental_predicates=none) -%}
{%- set csv = get_quoted_csv(dest_columns | map(attribute='name')) -%}
{%- if unique_key -%}
{%- set keys = ([unique_key] if unique_key is string else unique_key) | join(', ') %}
delete from {{ target }} as DBT_INTERNAL_DEST
where ({{ keys }}) in (
    select distinct {{ keys }}
    from {{ source }} as DBT_INTERNAL_SOURCE
)
{%- for predicate in incremental_predicates or [] %}
    and {{ predicate }}
{%- endfor %};
{% endif %}
insert into {{ target }} ({{ csv }})
(
    select {{ csv }}
    from {{ source }}
)
{%- endmacro %}

{#- get_insert_overwrite_merge_sql(target, source, dest_columns, predicates,
    include_sql_header): a merge that matches nothing: it deletes the
    target's rows the predicates hold for (all of them without any) and
    inserts every source row. -#}
{% macro get_insert_overwrite_merge_sql(target, source, dest_columns, predicates, include_sql_header=false) -%}
{{- adapter.dispatch('get_insert_overwrite_merge_sql', 'dbt')(target, source, dest_columns, predicates, include_sql_header) -}}
{%- endmacro %}

{% macro default__get_insert_overwrite_merge_sql(target, source, dest_columns, predicates, include_sql_header=false) -%}
{%- set predicates = [] if predicates is none else [] + predicates -%}
{%- set csv = get_quoted_csv(dest_columns | map(attribute='name')) -%}
{%- set sql_header = config.get('sql_header', none) -%}
{{ sql_header if sql_header is not none and include_sql_header }}
merge into {{ target }} as DBT_INTERNAL_DEST
    using {{ source }} as DBT_INTERNAL_SOURCE
    on FALSE
when not matched by source{% if predicates %} and {{ predicates | join(' and ') }}{% endif %}
    then delete
when not matched then insert
    ({{ csv }})
values
    ({{ csv }})
{% endmacro %}

{#- set_sql_header(config): {% call set_sql_header(config) %} SQL {% endcall %}
    in a model sets its sql_header config to the SQL, which runs before the
    model's (functions it creates are defined for the model). -#}
{% macro set_sql_header(config) -%}
{{ config(sql_header=caller()) }}
{%- endmacro %}
