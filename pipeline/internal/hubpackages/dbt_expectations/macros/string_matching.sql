{#- Lengths, LIKE patterns and regular expressions. A NULL value passes. -#}

{% test expect_column_value_lengths_to_be_between(model, column_name, min_value=none, max_value=none, row_condition=none, strictly=false) %}
{{ dbt_expectations._failing_between(model, dbt.length(column_name), min_value, max_value, none, row_condition, strictly) }}
{% endtest %}

{% test expect_column_value_lengths_to_equal(model, column_name, value, row_condition=none) %}
{{ dbt_expectations._failing(model, dbt.length(column_name) ~ ' = ' ~ value, none, row_condition) }}
{% endtest %}

{#- Each pattern's test joined with or (match_on any) or and (all). -#}
{%- macro _each(tests, match_on) -%}
({{ tests | join(' and ' if match_on == 'all' else ' or ') }})
{%- endmacro -%}

{%- macro _likes(column_name, patterns, negate) -%}
{%- set out = [] -%}
{%- for p in patterns %}{% do out.append(column_name ~ (' not' if negate else '') ~ " like '" ~ p ~ "'") %}{% endfor -%}
{%- do return(out) -%}
{%- endmacro -%}

{%- macro _regexes(column_name, regexes, is_raw, flags, negate) -%}
{%- set out = [] -%}
{%- for r in regexes %}{% do out.append(('not ' if negate else '') ~ '(' ~ dbt_expectations._regex_matches(column_name, r, is_raw, flags) ~ ')') %}{% endfor -%}
{%- do return(out) -%}
{%- endmacro -%}

{% test expect_column_values_to_match_like_pattern(model, column_name, like_pattern, row_condition=none) %}
{{ dbt_expectations._failing(model, dbt_expectations._each(dbt_expectations._likes(column_name, [like_pattern], false), 'any'), none, row_condition) }}
{% endtest %}

{% test expect_column_values_to_not_match_like_pattern(model, column_name, like_pattern, row_condition=none) %}
{{ dbt_expectations._failing(model, dbt_expectations._each(dbt_expectations._likes(column_name, [like_pattern], true), 'any'), none, row_condition) }}
{% endtest %}

{% test expect_column_values_to_match_like_pattern_list(model, column_name, like_pattern_list, match_on='any', row_condition=none) %}
{{ dbt_expectations._failing(model, dbt_expectations._each(dbt_expectations._likes(column_name, like_pattern_list, false), match_on), none, row_condition) }}
{% endtest %}

{% test expect_column_values_to_not_match_like_pattern_list(model, column_name, like_pattern_list, match_on='any', row_condition=none) %}
{{ dbt_expectations._failing(model, dbt_expectations._each(dbt_expectations._likes(column_name, like_pattern_list, true), match_on), none, row_condition) }}
{% endtest %}

{% test expect_column_values_to_match_regex(model, column_name, regex, row_condition=none, is_raw=false, flags='') %}
{{ dbt_expectations._failing(model, dbt_expectations._each(dbt_expectations._regexes(column_name, [regex], is_raw, flags, false), 'any'), none, row_condition) }}
{% endtest %}

{% test expect_column_values_to_not_match_regex(model, column_name, regex, row_condition=none, is_raw=false, flags='') %}
{{ dbt_expectations._failing(model, dbt_expectations._each(dbt_expectations._regexes(column_name, [regex], is_raw, flags, true), 'any'), none, row_condition) }}
{% endtest %}

{% test expect_column_values_to_match_regex_list(model, column_name, regex_list, match_on='any', row_condition=none, is_raw=false, flags='') %}
{{ dbt_expectations._failing(model, dbt_expectations._each(dbt_expectations._regexes(column_name, regex_list, is_raw, flags, false), match_on), none, row_condition) }}
{% endtest %}

{% test expect_column_values_to_not_match_regex_list(model, column_name, regex_list, match_on='any', row_condition=none, is_raw=false, flags='') %}
{{ dbt_expectations._failing(model, dbt_expectations._each(dbt_expectations._regexes(column_name, regex_list, is_raw, flags, true), match_on), none, row_condition) }}
{% endtest %}

{#- Two distinct values equal case aside fail: one row when the count of
    the column's distinct values (NULL counted as one) differs from the
    count of their distinct lower-case forms (NULL not counted, so a column
    holding NULL fails too); with display_inconsistent_columns one row per
    lower-case form written more than one way. -#}
{% test expect_column_values_to_have_consistent_casing(model, column_name, display_inconsistent_columns=false) %}
{%- if display_inconsistent_columns %}
select lower(v.distinct_values) as inconsistent_columns, count(v.distinct_values) as set_count_case_insensitive
from (select distinct {{ column_name }} as distinct_values from {{ model }}) as v
group by lower(v.distinct_values)
having count(v.distinct_values) > 1
{%- else %}
select *
from (
    select count(1) as set_count, count(distinct lower(v.distinct_values)) as set_count_case_insensitive
    from (select distinct {{ column_name }} as distinct_values from {{ model }}) as v
) as counted
where set_count != set_count_case_insensitive
{%- endif %}
{% endtest %}
