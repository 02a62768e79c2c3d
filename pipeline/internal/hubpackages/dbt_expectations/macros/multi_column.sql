{#- Tests across columns of a row. -#}

{% test expect_column_pair_values_A_to_be_greater_than_B(model, column_A, column_B, or_equal=false, row_condition=none) %}
{{ dbt_expectations._failing(model, column_A ~ (' >= ' if or_equal else ' > ') ~ column_B, none, row_condition) }}
{% endtest %}

{% test expect_column_pair_values_to_be_equal(model, column_A, column_B, row_condition=none) %}
{{ dbt_expectations._failing(model, column_A ~ ' = ' ~ column_B, none, row_condition) }}
{% endtest %}

{#- The combination of values occurs once; rows whose columns are all NULL
    (or any, by ignore_row_if) are left out. -#}
{% test expect_compound_columns_to_be_unique(model, column_list, quote_columns=false, ignore_row_if='all_values_are_missing', row_condition=none) %}
{%- if not column_list -%}
{{ exceptions.raise_compiler_error("`column_list` must be specified as a list of columns. Got: '" ~ column_list ~ "'.") }}
{%- endif -%}
{%- set columns = dbt_expectations._quoted(column_list, quote_columns) %}
select {{ columns | join(', ') }}, count(*) as n_records
from {{ model }}
where {% if row_condition %}({{ row_condition }}) and {% endif %}{{ dbt_expectations._ignore_row_if(ignore_row_if, columns) }}
group by {{ columns | join(', ') }}
having count(*) > 1
{% endtest %}

{#- The columns of a row hold distinct values, compared as text; a NULL
    among them counts as no value, so the row fails. -#}
{% test expect_select_column_values_to_be_unique_within_record(model, column_list, quote_columns=false, ignore_row_if='all_values_are_missing', row_condition=none) %}
{%- set columns = dbt_expectations._quoted(column_list, quote_columns) -%}
{%- set checks = [] -%}
{%- for c in columns %}{% do checks.append(c ~ ' is null') %}{% endfor -%}
{%- for i in range(columns | length) %}{% for j in range(i + 1, columns | length) -%}
{%- do checks.append('cast(' ~ columns[i] ~ ' as ' ~ dbt.type_string() ~ ') = cast(' ~ columns[j] ~ ' as ' ~ dbt.type_string() ~ ')') -%}
{%- endfor %}{% endfor %}
select {{ columns | join(', ') }}
from {{ model }}
where {% if row_condition %}({{ row_condition }}) and {% endif %}{{ dbt_expectations._ignore_row_if(ignore_row_if, columns) }}
  and ({{ checks | join(' or ') }})
{% endtest %}

{#- The sums of column_list add up to sum_total: a number, or the sum of
    the column it names. -#}
{% test expect_multicolumn_sum_to_equal(model, column_list, sum_total, group_by=none, row_condition=none) %}
{%- set sums = [] -%}
{%- for c in column_list %}{% do sums.append('sum(' ~ c ~ ')') %}{% endfor -%}
{%- set total = sum_total if sum_total is number else 'sum(' ~ sum_total ~ ')' -%}
{{ dbt_expectations._failing(model, sums | join(' + ') ~ ' = ' ~ total, group_by, row_condition) }}
{% endtest %}

{#- The pair (column_A, column_B) is one of value_pairs_set. -#}
{% test expect_column_pair_values_to_be_in_set(model, column_A, column_B, value_pairs_set, row_condition=none) %}
{%- set pairs = [] -%}
{%- for p in value_pairs_set -%}
{%- if p | length != 2 -%}
{{ exceptions.raise_compiler_error("`value_pairs_set` argument for expect_column_pair_values_to_be_in_set test cannot have more than 2 item per element. Got: '" ~ p ~ "'.") }}
{%- endif -%}
{%- do pairs.append('(' ~ column_A ~ ' = ' ~ p[0] ~ ' and ' ~ column_B ~ ' = ' ~ p[1] ~ ')') -%}
{%- endfor -%}
{{ dbt_expectations._failing(model, '(' ~ pairs | join(' or ') ~ ')', none, row_condition) }}
{% endtest %}
