{#- Missing values, uniqueness, types, sets and ranges. -#}

{% test expect_column_values_to_be_null(model, column_name, row_condition=none) %}
{{ dbt_expectations._failing(model, column_name ~ ' is null', none, row_condition) }}
{% endtest %}

{% test expect_column_values_to_not_be_null(model, column_name, row_condition=none) %}
{{ dbt_expectations._failing(model, column_name ~ ' is not null', none, row_condition) }}
{% endtest %}

{% test expect_column_values_to_be_unique(model, column_name, row_condition=none) %}
{{ dbt_expectations.test_expect_compound_columns_to_be_unique(model, [column_name], row_condition=row_condition) }}
{% endtest %}

{#- A value outside the set fails, and so does NULL (it equals no value). -#}
{% test expect_column_values_to_be_in_set(model, column_name, value_set, quote_values=true, row_condition=none) %}
select {{ column_name }} as value_field
from {{ model }}
where {% if row_condition %}({{ row_condition }}) and {% endif %}not coalesce({{ column_name }} in (
    {%- for value in value_set %}{{ dbt_expectations._set_value(value, quote_values) }}{% if not loop.last %}, {% endif %}{% endfor -%}
), false)
{% endtest %}

{#- One row per value of the set a row's value equals. -#}
{% test expect_column_values_to_not_be_in_set(model, column_name, value_set, quote_values=true, row_condition=none) %}
select v.value_field
from (
    select {{ column_name }} as value_field
    from {{ model }}
    {%- if row_condition %}
    where {{ row_condition }}
    {%- endif %}
) as v
join ({{ dbt_expectations._set_values(value_set, quote_values) }}
) as s on v.value_field = s.value_field
{% endtest %}

{% test expect_column_values_to_be_between(model, column_name, min_value=none, max_value=none, row_condition=none, strictly=false) %}
{{ dbt_expectations._failing_between(model, column_name, min_value, max_value, none, row_condition, strictly) }}
{% endtest %}

{#- Each row against the one before it in sort_column's order (per
    group_by): strictly larger (or smaller) by default, by step if given. -#}
{%- macro _monotonic(model, column_name, sort_column, strictly, row_condition, group_by, step, direction) -%}
{%- set op = direction ~ ('' if strictly else '=') -%}
{%- set partition = 'partition by ' ~ (group_by | join(', ')) ~ ' ' if group_by else '' -%}
with ordered as (
    select
        {{ sort_column or column_name }} as sort_column,
        {%- for g in group_by or [] %}
        {{ g }},
        {%- endfor %}
        {{ column_name }} as value_field
    from {{ model }}
    {%- if row_condition %}
    where {{ row_condition }}
    {%- endif %}
),
with_previous as (
    select *, lag(value_field) over ({{ partition }}order by sort_column) as value_field_lag
    from ordered
)
select *
from with_previous
where value_field_lag is not null
  and not ((value_field {{ op }} value_field_lag){% if step %} and (value_field - value_field_lag) = {{ step }}{% endif %})
{%- endmacro -%}

{% test expect_column_values_to_be_increasing(model, column_name, sort_column=none, strictly=true, row_condition=none, group_by=none, step=none) %}
{{ dbt_expectations._monotonic(model, column_name, sort_column, strictly, row_condition, group_by, step, '>') }}
{% endtest %}

{% test expect_column_values_to_be_decreasing(model, column_name, sort_column=none, strictly=true, row_condition=none, group_by=none, step=none) %}
{{ dbt_expectations._monotonic(model, column_name, sort_column, strictly, row_condition, group_by, step, '<') }}
{% endtest %}

{#- The column's type as the warehouse names it (adapter.get_columns_in_relation's
    dtype), case aside, against the types given. -#}
{% test expect_column_values_to_be_in_type_list(model, column_name, column_type_list) %}
{%- if execute -%}
{%- set types = column_type_list | map('upper') | list -%}
{%- set wanted = column_name | upper -%}
{%- set found = [] -%}
{%- for c in adapter.get_columns_in_relation(model) if (c.name | upper) == wanted -%}
{%- do found.append(c.dtype | upper) -%}
{%- endfor %}
{%- if found %}
select relation_column, relation_column_type
from (
    {%- for t in found %}
    select cast('{{ wanted }}' as {{ dbt.type_string() }}) as relation_column, cast('{{ t }}' as {{ dbt.type_string() }}) as relation_column_type
    {%- if not loop.last %} union all{% endif %}
    {%- endfor %}
) as columns_found
where relation_column_type not in ({% for t in types %}'{{ t }}'{% if not loop.last %}, {% endif %}{% endfor %})
{%- else %}
select 1 as relation_column where 1 = 0
{%- endif %}
{%- endif -%}
{% endtest %}

{% test expect_column_values_to_be_of_type(model, column_name, column_type) %}
{{ dbt_expectations.test_expect_column_values_to_be_in_type_list(model, column_name, [column_type]) }}
{% endtest %}
