{#- dbt_utils' SQL generators and introspective macros, written from the
    package's documentation. The SQL they write is the warehouse's
    (target.type), through dbt's cross-database macros, and is translated
    with the model. Queries they run themselves (run_query) are the
    warehouse's too; get_relations_by_pattern reads the engine's catalog
    (__relations_by_pattern__). -#}

{#- generate_series, date_spine and get_intervals_between are dbt's own
    now; dbt_utils' names give dbt's. -#}
{% macro generate_series(upper_bound) %}{{ return(dbt.generate_series(upper_bound)) }}{% endmacro %}
{% macro date_spine(datepart, start_date, end_date) %}{{ return(dbt.date_spine(datepart, start_date, end_date)) }}{% endmacro %}
{% macro get_intervals_between(start_date, end_date, datepart) %}{{ return(dbt.get_intervals_between(start_date, end_date, datepart)) }}{% endmacro %}

{#- deduplicate(relation, partition_by, order_by): the first row of each
    partition by order_by, with the relation's own columns. -#}
{% macro deduplicate(relation, partition_by, order_by) %}
{%- set numbered = 'row_number() over (partition by ' ~ partition_by ~ ' order by ' ~ order_by ~ ')' -%}
{%- if target.type != 'sqlite' %}
select *
from {{ relation }}
where true
qualify {{ numbered }} = 1
{%- else %}
{%- set cols = get_filtered_columns_in_relation(relation) if relation is not string else [] -%}
{%- if cols | length > 0 %}
select {% for c in cols %}{{ adapter.quote(c) }}{{ ', ' if not loop.last }}{% endfor %}
from (
    select *, {{ numbered }} as _dbt_utils_row
    from {{ relation }}
) _dbt_utils_numbered
where _dbt_utils_row = 1
{%- else %}
select distinct _dbt_utils_original.*
from {{ relation }} as _dbt_utils_original
natural join (
    select *, {{ numbered }} as _dbt_utils_row
    from {{ relation }}
) as _dbt_utils_numbered
where _dbt_utils_numbered._dbt_utils_row = 1
{%- endif %}
{%- endif %}
{% endmacro %}

{#- slugify(string): lower case, spaces and dashes to _, other characters
    dropped, _ before a leading digit; an identifier from any text. -#}
{% macro slugify(string) %}
{%- set s = string | lower | replace(' ', '_') | replace('-', '_') -%}
{%- set ns = namespace(out='') -%}
{%- for ch in s -%}
{%- if ch in 'abcdefghijklmnopqrstuvwxyz0123456789_' %}{% set ns.out = ns.out ~ ch %}{% endif -%}
{%- endfor -%}
{%- if ns.out[:1] in '0123456789' and ns.out != '' %}{% set ns.out = '_' ~ ns.out %}{% endif -%}
{{- return(ns.out) -}}
{% endmacro %}

{#- pivot(column, values, ...): one aggregate per value, agg(case when
    column cmp 'value' then then_value else else_value end). -#}
{% macro pivot(column, values, alias=true, agg='sum', cmp='=', prefix='', suffix='', then_value=1, else_value=0, quote_identifiers=true, distinct=false) %}
{%- for value in values %}
  {{ agg }}(
    {%- if distinct %}distinct {% endif -%}
    case when {{ column }} {{ cmp }} '{{ dbt.escape_single_quotes(value | string) }}' then {{ then_value }} else {{ else_value }} end
  )
  {%- if alias %}
    {%- if quote_identifiers %} as {{ adapter.quote(prefix ~ value ~ suffix) }}
    {%- else %} as {{ slugify(prefix ~ value ~ suffix) }}
    {%- endif %}
  {%- endif %}
  {%- if not loop.last %},{% endif %}
{%- endfor %}
{% endmacro %}

{#- unpivot(relation, cast_to, exclude, remove, field_name, value_name):
    one row per column not in exclude or remove, the excluded columns kept
    beside the column's name and its value cast to cast_to. -#}
{% macro unpivot(relation=none, cast_to='varchar', exclude=none, remove=none, field_name='field_name', value_name='value', quote_identifiers=false) %}
{%- if relation is none -%}
{{ exceptions.raise_compiler_error('dbt_utils.unpivot needs relation=ref(...) or source(...)') }}
{%- endif -%}
{%- set exclude = exclude or [] -%}
{%- set remove = remove or [] -%}
{%- set skip = [] -%}
{%- for c in exclude + remove %}{% do skip.append(c | lower) %}{% endfor -%}
{%- set kept = [] -%}
{%- set pivoted = [] -%}
{%- for col in adapter.get_columns_in_relation(relation) -%}
{%- if col.column | lower in (exclude | map('lower') | list) -%}{% do kept.append(col) %}
{%- elif col.column | lower not in skip -%}{% do pivoted.append(col) %}
{%- endif -%}
{%- endfor -%}
{%- for col in pivoted %}
select
    {%- for k in kept %}
    {{ k.quoted if quote_identifiers else k.column }},
    {%- endfor %}
    cast('{{ col.column }}' as {{ dbt.type_string() }}) as {{ adapter.quote(field_name) if quote_identifiers else field_name }},
    cast({% if 'bool' in (col.data_type | lower) %}case when {{ col.quoted }} then 'true' else 'false' end{% else %}{{ col.quoted if quote_identifiers else col.column }}{% endif %} as {{ cast_to }}) as {{ adapter.quote(value_name) if quote_identifiers else value_name }}
from {{ relation }}
{% if not loop.last %}union all{% endif %}
{%- endfor %}
{% endmacro %}

{#- safe_add / safe_subtract: the fields with NULL read as 0; a list, or
    the fields as separate arguments (dbt_utils before 1.0). -#}
{% macro safe_add(field_list) %}
{{- _safe_fold(field_list, varargs, '+', 'safe_add') -}}
{% endmacro %}

{% macro safe_subtract(field_list) %}
{{- _safe_fold(field_list, varargs, '-', 'safe_subtract') -}}
{% endmacro %}

{% macro _safe_fold(field_list, more, op, name) %}
{%- set fields = (field_list if field_list is not string else [field_list]) | list + more | list -%}
{%- if fields | length == 0 -%}
{{ exceptions.raise_compiler_error('dbt_utils.' ~ name ~ ' needs a list of fields') }}
{%- endif -%}
{%- for f in fields %}coalesce({{ f }}, 0){{ ' ' ~ op ~ ' ' if not loop.last }}{% endfor -%}
{% endmacro %}

{#- safe_divide(numerator, denominator): NULL instead of an error when
    the denominator is 0. -#}
{% macro safe_divide(numerator, denominator) -%}
( {{ numerator }} ) / nullif( ( {{ denominator }} ), 0)
{%- endmacro %}

{% macro group_by(n) -%}
group by {% for i in range(1, n + 1) %}{{ i }}{{ ',' if not loop.last }}{% endfor %}
{%- endmacro %}

{#- get_filtered_columns_in_relation(from, except): the relation's
    column names, those in except (any case) left out. -#}
{% macro get_filtered_columns_in_relation(from, except=[]) %}
{%- if not execute -%}{{ return([]) }}{%- endif -%}
{%- do dbt_utils._is_ephemeral(from, 'get_filtered_columns_in_relation') -%}
{%- set skip = except | map('lower') | list -%}
{%- set names = [] -%}
{%- for col in adapter.get_columns_in_relation(from) -%}
{%- if col.column | lower not in skip %}{% do names.append(col.column) %}{% endif -%}
{%- endfor -%}
{{- return(names) -}}
{% endmacro %}

{#- width_bucket(expr, min_value, max_value, num_buckets): Snowflake's
    WIDTH_BUCKET: 0 below min_value, num_buckets + 1 from max_value on. -#}
{% macro width_bucket(expr, min_value, max_value, num_buckets) -%}
case
    when ({{ expr }}) is null then null
    when ({{ expr }}) < ({{ min_value }}) then 0
    when ({{ expr }}) >= ({{ max_value }}) then ({{ num_buckets }}) + 1
    else cast(floor((({{ expr }}) - ({{ min_value }})) * ({{ num_buckets }}) / (({{ max_value }}) - ({{ min_value }}))) as {{ dbt.type_int() }}) + 1
end
{%- endmacro %}

{#- haversine_distance(lat1, lon1, lat2, lon2, unit): the great-circle
    distance on dbt_utils' sphere of radius 3961 miles (km: times 1.60934). -#}
{% macro haversine_distance(lat1, lon1, lat2, lon2, unit='mi') -%}
{%- if unit not in ['mi', 'km'] -%}
{{ exceptions.raise_compiler_error("dbt_utils.haversine_distance: unit must be 'mi' or 'km', not '" ~ unit ~ "'") }}
{%- endif -%}
{%- set rad = '* ' ~ (3.141592653589793 / 180) -%}
2 * 3961 * asin(sqrt(
    power(sin(((({{ lat2 }}) - ({{ lat1 }})) / 2) {{ rad }}), 2)
    + cos(({{ lat1 }}) {{ rad }}) * cos(({{ lat2 }}) {{ rad }})
    * power(sin(((({{ lon2 }}) - ({{ lon1 }})) / 2) {{ rad }}), 2)
)){% if unit == 'km' %} * 1.60934{% endif %}
{%- endmacro %}

{#- nullcheck(cols): each column with '' read as NULL. -#}
{% macro nullcheck(cols) -%}
{%- for col in cols %}
    nullif({{ col.quoted }}, '') as {{ col.quoted }}{{ ',' if not loop.last }}
{%- endfor %}
{%- endmacro %}

{% macro nullcheck_table(relation) -%}
{%- set cols = adapter.get_columns_in_relation(relation) -%}
select {{ nullcheck(cols) }}
from {{ relation }}
{%- endmacro %}

{#- get_single_value(sql_statement, default): the one value the query
    answers; default when it answers no row. -#}
{% macro get_single_value(sql_statement, default=none) %}
{%- if not execute -%}{{ return(default) }}{%- endif -%}
{%- set result = run_query(sql_statement) -%}
{%- if result.rows | length == 0 -%}
{%- if default is none -%}
{{ exceptions.raise_compiler_error('dbt_utils.get_single_value: the query returned no rows and no default was given') }}
{%- endif -%}
{{- return(default) -}}
{%- endif -%}
{%- if result.rows | length > 1 or result.columns | length > 1 -%}
{{ exceptions.raise_compiler_error('dbt_utils.get_single_value: the query must return one row of one column, it returned ' ~ (result.rows | length) ~ ' rows of ' ~ (result.columns | length) ~ ' columns') }}
{%- endif -%}
{{- return(result.rows[0][0]) -}}
{% endmacro %}

{#- get_query_results_as_dict(sql_statement): each column's name with the
    list of its values. -#}
{% macro get_query_results_as_dict(sql_statement) %}
{%- set out = {} -%}
{%- if execute -%}
{%- set result = run_query(sql_statement) -%}
{%- for name in result.column_names -%}
{%- do out.update({name: result.columns[loop.index0].values() | list}) -%}
{%- endfor -%}
{%- endif -%}
{{- return(out) -}}
{% endmacro %}

{#- get_relations_by_pattern(schema_pattern, table_pattern, exclude,
    database): the built tables and views whose schema and name match the
    LIKE patterns (any case, \ escapes), those matching exclude left out,
    from the engine's catalog. -#}
{% macro get_relations_by_pattern(schema_pattern, table_pattern, exclude='', database=target.database) %}
{{- return(__relations_by_pattern__(schema_pattern, table_pattern, exclude or '')) -}}
{% endmacro %}

{#- get_table_types_sql(): information_schema.tables' table_type as a
    select item named table_type, in dbt_utils' words: table, view,
    external, materializedview. get_tables_by_pattern_sql(schema_pattern,
    table_pattern, exclude, database): the query listing the tables and
    views whose schema and name match the patterns (any case), those
    matching exclude left out. Projects that list relations their own way
    build on these two. -#}
{% macro get_table_types_sql() -%}
case table_type when 'BASE TABLE' then 'table' when 'EXTERNAL TABLE' then 'external'
    when 'MATERIALIZED VIEW' then 'materializedview' else lower(table_type) end as {{ adapter.quote('table_type') }}
{%- endmacro %}

{% macro get_tables_by_pattern_sql(schema_pattern, table_pattern, exclude='', database=target.database) %}
select distinct table_schema as {{ adapter.quote('table_schema') }}, table_name as {{ adapter.quote('table_name') }},
    {{ dbt_utils.get_table_types_sql() }}
from {{ database }}.information_schema.tables
where table_schema ilike '{{ schema_pattern }}'
    and table_name ilike '{{ table_pattern }}'
    and table_name not ilike '{{ exclude }}'
{% endmacro %}

{% macro get_relations_by_prefix(schema, prefix, exclude='', database=target.database) %}
{{- return(get_relations_by_pattern(schema, prefix ~ '%', exclude, database)) -}}
{% endmacro %}

{#- Cross-database macros dbt_utils had before dbt Core took them over
    (dbt_utils 0.x), so older projects calling dbt_utils.dateadd(...) run. -#}
{% macro current_timestamp() %}{{ return(dbt.current_timestamp()) }}{% endmacro %}
{% macro dateadd(datepart, interval, from_date_or_timestamp) %}{{ return(dbt.dateadd(datepart, interval, from_date_or_timestamp)) }}{% endmacro %}
{% macro datediff(first_date, second_date, datepart) %}{{ return(dbt.datediff(first_date, second_date, datepart)) }}{% endmacro %}
{% macro date_trunc(datepart, date) %}{{ return(dbt.date_trunc(datepart, date)) }}{% endmacro %}
{% macro split_part(string_text, delimiter_text, part_number) %}{{ return(dbt.split_part(string_text, delimiter_text, part_number)) }}{% endmacro %}
{% macro type_string() %}{{ return(dbt.type_string()) }}{% endmacro %}
{% macro type_timestamp() %}{{ return(dbt.type_timestamp()) }}{% endmacro %}
{% macro type_int() %}{{ return(dbt.type_int()) }}{% endmacro %}
{% macro type_bigint() %}{{ return(dbt.type_bigint()) }}{% endmacro %}
{% macro type_float() %}{{ return(dbt.type_float()) }}{% endmacro %}
{% macro type_numeric() %}{{ return(dbt.type_numeric()) }}{% endmacro %}
{% macro hash(field) %}{{ return(dbt.hash(field)) }}{% endmacro %}
{% macro concat(fields) %}{{ return(dbt.concat(fields)) }}{% endmacro %}
{% macro safe_cast(field, type) %}{{ return(dbt.safe_cast(field, type)) }}{% endmacro %}
{% macro any_value(expression) %}{{ return(dbt.any_value(expression)) }}{% endmacro %}
{% macro listagg(measure, delimiter_text="','", order_by_clause=none, limit_num=none) %}{{ return(dbt.listagg(measure, delimiter_text, order_by_clause, limit_num)) }}{% endmacro %}
{% macro cast_bool_to_text(field) %}{{ return(dbt.cast_bool_to_text(field)) }}{% endmacro %}
{% macro string_literal(value) %}{{ return(dbt.string_literal(value)) }}{% endmacro %}
{% macro escape_single_quotes(expression) %}{{ return(dbt.escape_single_quotes(expression)) }}{% endmacro %}
{% macro right(string_text, length_expression) %}{{ return(dbt.right(string_text, length_expression)) }}{% endmacro %}
{% macro position(substring_text, string_text) %}{{ return(dbt.position(substring_text, string_text)) }}{% endmacro %}
{% macro replace(field, old_chars, new_chars) %}{{ return(dbt.replace(field, old_chars, new_chars)) }}{% endmacro %}
{% macro length(expression) %}{{ return(dbt.length(expression)) }}{% endmacro %}
{% macro except() %}{{ return(dbt.except()) }}{% endmacro %}
{% macro intersect() %}{{ return(dbt.intersect()) }}{% endmacro %}
{% macro bool_or(expression) %}{{ return(dbt.bool_or(expression)) }}{% endmacro %}

{#- Web macros: parts of a URL held in a column. -#}
{% macro get_url_host(field) -%}
{%- set no_scheme = dbt.replace(dbt.replace(dbt.replace(field, "'android-app://'", "''"), "'http://'", "''"), "'https://'", "''") -%}
cast({{ dbt.split_part(dbt.split_part(dbt.split_part(no_scheme, "'/'", 1), "'?'", 1), "'#'", 1) }} as {{ dbt.type_string() }})
{%- endmacro %}

{% macro get_url_path(field) -%}
{%- set no_scheme = dbt.replace(dbt.replace(field, "'http://'", "''"), "'https://'", "''") -%}
{%- set host = dbt.split_part(no_scheme, "'/'", 1) -%}
{%- set rest = dbt.length(no_scheme) ~ ' - ' ~ dbt.length(host) ~ ' - 1' -%}
{%- set after_host = 'case when ' ~ rest ~ ' > 0 then ' ~ dbt.right(no_scheme, rest) ~ " else '' end" -%}
cast({{ dbt.split_part(dbt.split_part(after_host, "'?'", 1), "'#'", 1) }} as {{ dbt.type_string() }})
{%- endmacro %}

{% macro get_url_parameter(field, url_parameter) -%}
nullif({{ dbt.split_part(dbt.split_part(dbt.split_part(field, "'" ~ url_parameter ~ "='", 2), "'&'", 1), "'#'", 1) }}, '')
{%- endmacro %}

{#- Jinja helpers: the time, and a log line with it. -#}
{% macro pretty_time(format='%H:%M:%S') %}
{{- return(modules.datetime.datetime.now().strftime(format)) -}}
{% endmacro %}

{% macro pretty_log_format(message) %}
{{- return(pretty_time() ~ ' + ' ~ message) -}}
{% endmacro %}

{% macro log_info(message) %}
{%- do log(pretty_log_format(message), info=True) -%}
{% endmacro %}
