{#- Columns and row counts of a table. -#}

{#- The column exists (at column_index, 1-based, when given). -#}
{% test expect_column_to_exist(model, column_name, column_index=none, transform='upper') %}
{%- if execute -%}
{%- set name = [column_name] | map(transform) | first -%}
{%- set names = dbt_expectations._column_names(model, transform) -%}
{%- set found = names.index(name) if name in names else -1 -%}
{%- set at = (column_index - 1 if column_index > 0 else 0) if column_index else found -%}
select cast('{{ name }}' as {{ dbt.type_string() }}) as column_name, {{ found }} as matching_column_index
from (select 1 as one) as t
where {{ 'false' if found >= 0 and found == at else 'true' }}
{%- endif -%}
{% endtest %}

{% test expect_table_column_count_to_equal(model, value) %}
{%- if execute -%}
{%- set n = adapter.get_columns_in_relation(model) | length -%}
select {{ n }} as number_actual_columns, {{ value }} as value
from (select 1 as one) as t
where {{ n }} != {{ value }}
{%- endif -%}
{% endtest %}

{#- A bound of 0 (or none) is no bound, as the package reads them. -#}
{% test expect_table_column_count_to_be_between(model, min_value=none, max_value=none) %}
{%- if min_value is none and max_value is none -%}
{{ exceptions.raise_compiler_error("You have to provide either a min_value, max_value or both.") }}
{%- endif -%}
{%- if execute -%}
{%- set n = adapter.get_columns_in_relation(model) | length -%}
{%- set ok = (not min_value or n >= min_value) and (not max_value or n <= max_value) -%}
select {{ n }} as number_actual_columns
from (select 1 as one) as t
where {{ 'false' if ok else 'true' }}
{%- endif -%}
{% endtest %}

{% test expect_table_column_count_to_equal_other_table(model, compare_model) %}
{%- if execute -%}
{%- set n = adapter.get_columns_in_relation(model) | length -%}
{%- set m = adapter.get_columns_in_relation(compare_model) | length -%}
select {{ n }} as number_columns, {{ m }} as compare_number_columns
from (select 1 as one) as t
where {{ n }} != {{ m }}
{%- endif -%}
{% endtest %}

{#- One row per name as a select of text values, or an empty select. -#}
{%- macro _names_rows(names, column) -%}
{%- for n in names %}
    select cast('{{ n }}' as {{ dbt.type_string() }}) as {{ column }}{% if not loop.last %} union all{% endif %}
{%- else %}
    select cast(null as {{ dbt.type_string() }}) as {{ column }} from (select 1 as one) as t where 1 = 0
{%- endfor %}
{%- endmacro -%}

{#- A listed column the table lacks, or a column of the table not listed. -#}
{% test expect_table_columns_to_match_set(model, column_list, transform='upper') %}
{%- if execute -%}
{%- set listed = column_list | map(transform) | list -%}
{%- set names = dbt_expectations._column_names(model, transform) -%}
select r.relation_column, i.input_column
from ({{ dbt_expectations._names_rows(names, 'relation_column') }}) as r
full outer join ({{ dbt_expectations._names_rows(listed, 'input_column') }}) as i on r.relation_column = i.input_column
where r.relation_column is null or i.input_column is null
{%- endif -%}
{% endtest %}

{#- As match_set, each name at its position. -#}
{% test expect_table_columns_to_match_ordered_list(model, column_list, transform='upper') %}
{%- if execute -%}
{%- set listed = column_list | map(transform) | list -%}
{%- set names = dbt_expectations._column_names(model, transform) -%}
{%- set failures = [] -%}
{%- for i in range(names | length if names | length > listed | length else listed | length) -%}
{%- set r = names[i] if i < names | length else none -%}
{%- set c = listed[i] if i < listed | length else none -%}
{%- if r != c -%}
{%- if r is not none %}{% do failures.append((i + 1, r, none, none)) %}{% endif -%}
{%- if c is not none %}{% do failures.append((none, none, i + 1, c)) %}{% endif -%}
{%- endif -%}
{%- endfor %}
{%- for f in failures %}
select {{ f[0] if f[0] is not none else 'null' }} as relation_column_idx, {{ "'" ~ f[1] ~ "'" if f[1] is not none else 'null' }} as relation_column,
    {{ f[2] if f[2] is not none else 'null' }} as input_column_idx, {{ "'" ~ f[3] ~ "'" if f[3] is not none else 'null' }} as input_column
{%- if not loop.last %} union all{% endif %}
{%- else %}
select 1 as relation_column_idx from (select 1 as one) as t where 1 = 0
{%- endfor %}
{%- endif -%}
{% endtest %}

{#- A listed column the table lacks. -#}
{% test expect_table_columns_to_contain_set(model, column_list, transform='upper') %}
{%- if execute -%}
{%- set listed = column_list | map(transform) | list -%}
{%- set names = dbt_expectations._column_names(model, transform) -%}
select i.input_column
from ({{ dbt_expectations._names_rows(listed, 'input_column') }}) as i
left join ({{ dbt_expectations._names_rows(names, 'relation_column') }}) as r on r.relation_column = i.input_column
where r.relation_column is null
{%- endif -%}
{% endtest %}

{#- A listed column the table has. -#}
{% test expect_table_columns_to_not_contain_set(model, column_list, transform='upper') %}
{%- if execute -%}
{%- set listed = column_list | map(transform) | list -%}
{%- set names = dbt_expectations._column_names(model, transform) -%}
select i.input_column
from ({{ dbt_expectations._names_rows(listed, 'input_column') }}) as i
join ({{ dbt_expectations._names_rows(names, 'relation_column') }}) as r on r.relation_column = i.input_column
{%- endif -%}
{% endtest %}

{% test expect_table_row_count_to_be_between(model, min_value=none, max_value=none, group_by=none, row_condition=none, strictly=false) %}
{{ dbt_expectations._failing_between(model, 'count(*)', min_value, max_value, group_by, row_condition, strictly) }}
{% endtest %}

{% test expect_table_row_count_to_equal(model, value, group_by=none, row_condition=none) %}
{{ dbt_expectations._failing(model, 'count(*) = ' ~ value, group_by, row_condition) }}
{% endtest %}

{% test expect_table_row_count_to_equal_other_table(model, compare_model, group_by=none, compare_group_by=none, factor=1, row_condition=none, compare_row_condition=none) %}
{{ dbt_expectations._equal_expression(model, 'count(*)', compare_model, 'count(*) * ' ~ factor, group_by, compare_group_by, row_condition, compare_row_condition) }}
{% endtest %}

{% test expect_table_row_count_to_equal_other_table_times_factor(model, compare_model, factor, group_by=none, compare_group_by=none, row_condition=none, compare_row_condition=none) %}
{{ dbt_expectations._equal_expression(model, 'count(*)', compare_model, 'count(*) * ' ~ factor, group_by, compare_group_by, row_condition, compare_row_condition) }}
{% endtest %}

{% test expect_table_aggregation_to_equal_other_table(model, expression, compare_model, compare_expression=none, group_by=none, compare_group_by=none,
                                                      row_condition=none, compare_row_condition=none, tolerance=0.0, tolerance_percent=none) %}
{{ dbt_expectations._equal_expression(model, expression, compare_model, compare_expression, group_by, compare_group_by, row_condition, compare_row_condition, tolerance, tolerance_percent) }}
{% endtest %}

{#- The latest value up to now (dbt_date's now(): in var('dbt_date:time_zone'))
    is no older than interval datepart; with no such value, 1970-01-01 is the
    latest. -#}
{% test expect_row_values_to_have_recent_data(model, column_name, datepart, interval, row_condition=none) %}
{%- set ts = 'timestamp_ntz' if target.type == 'snowflake' else 'timestamp' -%}
select max_timestamp
from (
    select max(cast({{ column_name }} as {{ ts }})) as max_timestamp
    from {{ model }}
    where cast({{ column_name }} as {{ ts }}) <= {{ dbt_date.now() }}
    {%- if row_condition %}
      and {{ row_condition }}
    {%- endif %}
) as latest
where coalesce(max_timestamp, cast('1970-01-01' as {{ ts }})) < cast({{ dbt.dateadd(datepart, interval * -1, dbt_date.now()) }} as {{ ts }})
{% endtest %}

{#- Each group_by group whose latest value up to now is older than
    interval datepart; a group with no such value, or (without group_by) a
    table with none, passes. -#}
{% test expect_grouped_row_values_to_have_recent_data(model, group_by, timestamp_column, datepart, interval, row_condition=none) %}
{%- set ts = 'timestamp_ntz' if target.type == 'snowflake' else 'timestamp' -%}
select *
from (
    select {% for g in group_by or [] %}{{ g }}, {% endfor %}max(cast({{ timestamp_column }} as {{ ts }})) as latest_timestamp_column
    from {{ model }}
    where cast({{ timestamp_column }} as {{ ts }}) <= {{ dbt_date.now() }}
    {%- if row_condition %}
      and {{ row_condition }}
    {%- endif %}
    {%- if group_by %}
    group by {{ group_by | join(', ') }}
    {%- endif %}
) as latest
where latest_timestamp_column < cast({{ dbt.dateadd(datepart, interval * -1, dbt_date.now()) }} as {{ ts }})
{% endtest %}
