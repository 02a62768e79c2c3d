{#- What the tests share. A test's rows are its failures and their number is
    the count dbt reports, as dbt_expectations counts them: one row per
    failing row, group or value. The SQL is the warehouse's (target.type):
    dbt.* macros write its dialect, and the engine translates the result
    like any model. -#}

{#- The rows (or, with group_by, the groups) of model, filtered by
    row_condition, whose expression is false; a NULL expression passes. -#}
{%- macro _failing(model, expression, group_by=none, row_condition=none) -%}
select *
from (
    {{ dbt_expectations._grouped(model, expression, group_by, row_condition) }}
) as checked
where not (expression)
{%- endmacro -%}

{#- expression within [min_value, max_value], either bound optional;
    strictly leaves the bounds out. -#}
{%- macro _between(expression, min_value, max_value, strictly=false) -%}
{%- if min_value is none and max_value is none -%}
{{ exceptions.raise_compiler_error("You have to provide either a min_value, max_value or both.") }}
{%- endif -%}
{%- set eq = '' if strictly else '=' -%}
(1 = 1
{%- if min_value is not none %} and {{ expression | trim }} >{{ eq }} {{ min_value }}{% endif %}
{%- if max_value is not none %} and {{ expression | trim }} <{{ eq }} {{ max_value }}{% endif %})
{%- endmacro -%}

{%- macro _failing_between(model, expression, min_value, max_value, group_by=none, row_condition=none, strictly=false) -%}
{{ dbt_expectations._failing(model, dbt_expectations._between(expression, min_value, max_value, strictly), group_by, row_condition) }}
{%- endmacro -%}

{#- A value of value_set as SQL: quoted as text (cast to the warehouse's
    string type where as_text), or written as it is. -#}
{%- macro _set_value(value, quote_values, as_text=true) -%}
{%- if quote_values and as_text -%}
cast('{{ value }}' as {{ dbt.type_string() }})
{%- elif quote_values -%}
'{{ value }}'
{%- else -%}
{{ value }}
{%- endif -%}
{%- endmacro -%}

{#- A select of one row per value of value_set, in the column value_field. -#}
{%- macro _set_values(value_set, quote_values, as_text=true) -%}
{%- for value in value_set %}
    select {{ dbt_expectations._set_value(value, quote_values, as_text) }} as value_field
    {%- if not loop.last %} union all{% endif %}
{%- endfor %}
{%- endmacro -%}

{#- Whether column has a match of regex anywhere (NULL for NULL), with the
    flags the warehouse's regular expressions take. -#}
{%- macro _regex_matches(column, regex, is_raw=false, flags='') -%}
{%- if target.type == 'bigquery' -%}
{%- set pattern = ('(?' ~ flags ~ ')' if flags else '') ~ regex -%}
regexp_contains({{ column }}, {{ "r'" if is_raw else "'" }}{{ pattern }}')
{%- elif target.type == 'snowflake' -%}
regexp_instr({{ column }}, {{ '$$' ~ regex ~ '$$' if is_raw else "'" ~ regex ~ "'" }}, 1, 1, 0, '{{ flags }}') > 0
{%- elif target.type == 'duckdb' -%}
regexp_matches({{ column }}, '{{ regex }}', '{{ flags }}')
{%- elif target.type == 'sqlite' -%}
{%- if flags %}{{ exceptions.raise_compiler_error("regex flags ('" ~ flags ~ "') are not supported on SQLite, whose REGEXP takes none: write the pattern without them, or pick a warehouse target") }}{% endif -%}
{{ column }} regexp '{{ regex }}'
{%- else -%}
{%- if is_raw or flags %}{{ exceptions.warn("is_raw and flags options are not supported for this adapter and are being ignored.") }}{% endif -%}
regexp_instr({{ column }}, '{{ regex }}', 1, 1) > 0
{%- endif -%}
{%- endmacro -%}

{#- The quantile of field as the warehouse computes it: BigQuery has it
    as an analytic function only, one value per row. -#}
{%- macro _quantile(field, quantile) -%}
{%- if target.type == 'bigquery' -%}
percentile_cont({{ field }}, {{ quantile }}) over ()
{%- else -%}
percentile_cont({{ quantile }}) within group (order by {{ field }})
{%- endif -%}
{%- endmacro -%}

{#- The names of model's columns, each through the filter transform
    (upper by default, as the tests compare them). -#}
{%- macro _column_names(model, transform='upper') -%}
{%- set names = adapter.get_columns_in_relation(model) | map(attribute='name') | map(transform) | list -%}
{%- do return(names) -%}
{%- endmacro -%}

{#- expression of model compared with compare_expression of compare_model
    (each by group where group_by is given): the groups whose values differ
    by more than tolerance, or tolerance_percent of the first. -#}
{%- macro _equal_expression(model, expression, compare_model=none, compare_expression=none, group_by=none, compare_group_by=none,
                            row_condition=none, compare_row_condition=none, tolerance=0.0, tolerance_percent=none) -%}
{%- set compare_model = compare_model or model -%}
{%- set compare_expression = compare_expression or expression -%}
{%- set compare_row_condition = compare_row_condition or row_condition -%}
{%- set compare_group_by = compare_group_by or group_by -%}
{%- set n = group_by | length if group_by else 0 -%}
with a as (
    {{ dbt_expectations._grouped(model, expression, group_by, row_condition) }}
),
b as (
    {{ dbt_expectations._grouped(compare_model, compare_expression, compare_group_by, compare_row_condition) }}
),
compared as (
    select
        {%- for i in range(1, n + 1) %}
        coalesce(a.col_{{ i }}, b.col_{{ i }}) as col_{{ i }},
        {%- endfor %}
        a.expression,
        b.expression as compare_expression,
        abs(coalesce(a.expression, 0) - coalesce(b.expression, 0)) as expression_difference,
        abs(coalesce(a.expression, 0) - coalesce(b.expression, 0)) / nullif(a.expression * 1.0, 0) as expression_difference_percent
    from a
    {%- if n > 0 %}
    full outer join b on {% for i in range(1, n + 1) %}a.col_{{ i }} = b.col_{{ i }}{% if not loop.last %} and {% endif %}{% endfor %}
    {%- else %}
    cross join b
    {%- endif %}
)
select *
from compared
where {% if tolerance_percent %}expression_difference_percent > {{ tolerance_percent }}{% else %}expression_difference > {{ tolerance }}{% endif %}
{%- endmacro -%}

{%- macro _grouped(model, expression, group_by, row_condition) -%}
select
        {%- for g in group_by or [] %}
        {{ g }} as col_{{ loop.index }},
        {%- endfor %}
        {{ expression }} as expression
    from {{ model }}
    {%- if row_condition %}
    where {{ row_condition }}
    {%- endif %}
    {%- if group_by %}
    group by {{ group_by | join(', ') }}
    {%- endif %}
{%- endmacro -%}

{#- Rows to leave out of a multi-column test: those whose columns are all
    NULL, or any of them. -#}
{%- macro _ignore_row_if(ignore_row_if, columns) -%}
{%- if ignore_row_if not in ['all_values_are_missing', 'any_value_is_missing'] -%}
{{ exceptions.raise_compiler_error("`ignore_row_if` must be one of all_values_are_missing, any_value_is_missing. Got: '" ~ ignore_row_if ~ "'.") }}
{%- endif -%}
{%- set op = ' and ' if ignore_row_if == 'all_values_are_missing' else ' or ' -%}
not ({% for c in columns %}{{ c }} is null{% if not loop.last %}{{ op }}{% endif %}{% endfor %})
{%- endmacro -%}

{%- macro _quoted(columns, quote_columns) -%}
{%- set out = [] -%}
{%- for c in columns %}{% do out.append(adapter.quote(c) if quote_columns else c) %}{% endfor -%}
{%- do return(out) -%}
{%- endmacro -%}
