{#- dbt_utils' generic tests, each written from the package's documented
    behaviour: the rows a test selects are its failures, and their number is
    the count dbt reports (for equal_rowcount and fewer_rows_than, whose
    count in dbt is a sum, one row per unit of that sum). The SQL is the
    warehouse's (target.type): dbt.* macros write its dialect, and the
    engine translates the result like any model. -#}

{%- macro _group_select(group_by_columns) -%}
{%- for c in group_by_columns %}{{ c }}, {% endfor -%}
{%- endmacro -%}

{%- macro _group_clause(group_by_columns) -%}
{%- if group_by_columns | length > 0 %}group by {{ group_by_columns | join(', ') }}{% endif -%}
{%- endmacro -%}

{#- A timestamp or date value to compare: SQLite keeps them as text, which
    datetime() and date() make comparable. -#}
{%- macro _as_timestamp(expr) -%}
{%- if target.type == 'sqlite' %}datetime({{ expr }}){% else %}cast({{ expr }} as {{ dbt.type_timestamp() }}){% endif -%}
{%- endmacro -%}

{%- macro _as_date(expr) -%}
{%- if target.type == 'sqlite' %}date({{ expr }}){% else %}cast({{ expr }} as date){% endif -%}
{%- endmacro -%}

{% test unique_combination_of_columns(model, combination_of_columns, quote_columns=false) %}
{%- set cols = [] -%}
{%- for c in combination_of_columns -%}
{%- do cols.append(adapter.quote(c) if quote_columns else c) -%}
{%- endfor %}
select {{ cols | join(', ') }}, count(*) as n_records
from {{ model }}
group by {{ cols | join(', ') }}
having count(*) > 1
{% endtest %}

{% test expression_is_true(model, expression, column_name=none, condition='1=1') %}
select *
from {{ model }}
where ({{ condition }})
  and not ({% if column_name %}{{ column_name }} {% endif %}{{ expression }})
{% endtest %}

{% test accepted_range(model, column_name, min_value=none, max_value=none, inclusive=true) %}
{%- set eq = '=' if inclusive else '' %}
select *
from {{ model }}
where 1 = 2
{%- if min_value is not none %}
   or not ({{ column_name }} >{{ eq }} {{ min_value }})
{%- endif %}
{%- if max_value is not none %}
   or not ({{ column_name }} <{{ eq }} {{ max_value }})
{%- endif %}
{% endtest %}

{% test not_null_proportion(model, column_name, at_least, at_most=1.0, group_by_columns=[]) %}
select *
from (
    select {{ _group_select(group_by_columns) }}sum(case when {{ column_name }} is null then 0 else 1 end)
        / cast(count(*) as {{ dbt.type_numeric() }}) as not_null_proportion
    from {{ model }}
    {{ _group_clause(group_by_columns) }}
) proportions
where not_null_proportion < {{ at_least }} or not_null_proportion > {{ at_most }}
{% endtest %}

{% test at_least_one(model, column_name, group_by_columns=[]) %}
select *
from (
    select {{ _group_select(group_by_columns) }}count({{ column_name }}) as filled_values
    from {{ model }}
    {{ _group_clause(group_by_columns) }}
) counts
where filled_values = 0
{% endtest %}

{% test not_constant(model, column_name, group_by_columns=[]) %}
select *
from (
    select {{ _group_select(group_by_columns) }}count(distinct {{ column_name }}) as distinct_values
    from {{ model }}
    {{ _group_clause(group_by_columns) }}
) counts
where distinct_values = 1
{% endtest %}

{% test not_empty_string(model, column_name, trim_whitespace=true) %}
select {{ column_name }}
from {{ model }}
where {% if trim_whitespace %}trim({{ column_name }}){% else %}{{ column_name }}{% endif %} = ''
{% endtest %}

{% test not_accepted_values(model, column_name, values, quote=true) %}
select value_field
from (select distinct {{ column_name }} as value_field from {{ model }}) distinct_values
where value_field in (
{%- for v in values -%}
{%- if quote %}'{{ dbt.escape_single_quotes(v | string) }}'{% else %}{{ v }}{% endif %}{{ ', ' if not loop.last }}
{%- endfor -%}
)
{% endtest %}

{% test relationships_where(model, column_name, to, field, from_condition='1=1', to_condition='1=1') %}
select child.from_value
from (
    select {{ column_name }} as from_value
    from {{ model }}
    where {{ column_name }} is not null and ({{ from_condition }})
) child
left join (
    select {{ field }} as to_value
    from {{ to }}
    where {{ field }} is not null and ({{ to_condition }})
) parent on child.from_value = parent.to_value
where parent.to_value is null
{% endtest %}

{% test cardinality_equality(model, column_name, to, field) %}
with model_counts as (
    select {{ column_name }} as value, count(*) as num_rows
    from {{ model }}
    group by {{ column_name }}
),
other_counts as (
    select {{ field }} as value, count(*) as num_rows
    from {{ to }}
    group by {{ field }}
),
only_in_model as (
    select value, num_rows from model_counts
    {{ dbt.except() }}
    select value, num_rows from other_counts
),
only_in_other as (
    select value, num_rows from other_counts
    {{ dbt.except() }}
    select value, num_rows from model_counts
)
select * from only_in_model
union all
select * from only_in_other
{% endtest %}

{% test sequential_values(model, column_name, interval=1, datepart=none, group_by_columns=[]) %}
select *
from (
    select {{ _group_select(group_by_columns) }}{{ column_name }} as current_value,
        lag({{ column_name }}) over (
            {%- if group_by_columns | length > 0 %}partition by {{ group_by_columns | join(', ') }} {% endif -%}
            order by {{ column_name }}) as previous_value
    from {{ model }}
) windowed
{%- if datepart %}
where not ({{ _as_timestamp('current_value') }} = {{ _as_timestamp(dbt.dateadd(datepart, interval, 'previous_value')) }})
{%- else %}
where not (current_value = previous_value + {{ interval }})
{%- endif %}
{% endtest %}

{% test recency(model, field, datepart, interval, ignore_time_component=false, group_by_columns=[]) %}
{%- set threshold = dbt.dateadd(datepart, interval * -1, dbt.current_timestamp()) -%}
{%- set as_kind = _as_date if ignore_time_component else _as_timestamp %}
select *
from (
    select {{ _group_select(group_by_columns) }}max({{ as_kind(field) }}) as most_recent
    from {{ model }}
    {{ _group_clause(group_by_columns) }}
) latest
where most_recent < {{ as_kind(threshold) }} or most_recent is null
{% endtest %}

{#- equal_rowcount: dbt counts |rows of model - rows of compare_model| per
    group present in both (so an empty side passes, as in dbt_utils); one
    row here per row of difference. -#}
{% test equal_rowcount(model, compare_model, group_by_columns=[]) %}
{{ _rowcount_difference(model, compare_model, group_by_columns, both_ways=true) }}
{% endtest %}

{#- fewer_rows_than: dbt counts, per group present in both, the rows the
    model has beyond compare_model's, and 1 when the two are equal. -#}
{% test fewer_rows_than(model, compare_model, group_by_columns=[]) %}
{{ _rowcount_difference(model, compare_model, group_by_columns, both_ways=false) }}
{% endtest %}

{%- macro _rowcount_difference(model, compare_model, group_by_columns, both_ways) -%}
{%- set keys = [] -%}
{%- set on = ['1 = 1'] -%}
{%- for g in group_by_columns -%}
{%- do keys.append(g ~ ' as _dbt_utils_group_' ~ loop.index) -%}
{%- do on.append('numbered._dbt_utils_group_' ~ loop.index ~ ' = counted._dbt_utils_group_' ~ loop.index) -%}
{%- endfor -%}
{%- set window = 'partition by ' ~ group_by_columns | join(', ') if group_by_columns | length > 0 else '' -%}
{%- set sides = [[model, compare_model]] -%}
{%- if both_ways %}{% do sides.append([compare_model, model]) %}{% endif -%}
{%- for side in sides %}
{%- if not loop.first %}
union all
{%- endif %}
select numbered.row_in_group
from (
    select {% for k in keys %}{{ k }}, {% endfor %}row_number() over ({{ window }}) as row_in_group,
        count(*) over ({{ window }}) as rows_in_group
    from {{ side[0] }}
) numbered
join (
    select {% for k in keys %}{{ k }}, {% endfor %}count(*) as compared_rows
    from {{ side[1] }}
    {{ _group_clause(group_by_columns) }}
    {%- if both_ways %}
    having count(*) > 0
    {%- endif %}
) counted on {{ on | join(' and ') }}
where numbered.row_in_group > counted.compared_rows
{%- if not both_ways %}
   or (numbered.rows_in_group = counted.compared_rows and numbered.row_in_group = counted.compared_rows)
{%- endif %}
{%- endfor %}
{%- if not both_ways and group_by_columns | length == 0 %}
union all
select 1 as row_in_group
from (select count(*) as n from {{ model }}) ours
join (select count(*) as n from {{ compare_model }}) theirs on ours.n = 0 and theirs.n = 0
{%- endif %}
{%- endmacro -%}

{% test mutually_exclusive_ranges(model, lower_bound_column, upper_bound_column, partition_by=none, gaps='allowed', zero_length_range_allowed=false) %}
{%- set gap_ops = {'not_allowed': '=', 'allowed': '<=', 'required': '<'} -%}
{%- if gaps not in gap_ops -%}
{{ exceptions.raise_compiler_error("dbt_utils.mutually_exclusive_ranges: gaps must be one of not_allowed, allowed, required, not '" ~ gaps ~ "'") }}
{%- endif -%}
{%- set gap_op = gap_ops[gaps] -%}
{%- set length_op = '<=' if zero_length_range_allowed else '<' -%}
{%- set part = 'partition by ' ~ partition_by ~ ' ' if partition_by else '' %}
select *
from (
    select {% if partition_by %}{{ partition_by }} as partition_value, {% endif %}{{ lower_bound_column }} as lower_bound,
        {{ upper_bound_column }} as upper_bound,
        lead({{ lower_bound_column }}) over ({{ part }}order by {{ lower_bound_column }}, {{ upper_bound_column }}) as next_lower_bound,
        row_number() over ({{ part }}order by {{ lower_bound_column }} desc, {{ upper_bound_column }} desc) as rank_from_last
    from {{ model }}
) ranges
where not (
    coalesce(lower_bound {{ length_op }} upper_bound, false)
    and coalesce(upper_bound {{ gap_op }} next_lower_bound, rank_from_last = 1, false)
)
{% endtest %}

{#- equality: the rows of model missing from compare_model and the other
    way round (distinct rows, over compare_columns or every column but
    exclude_columns; numeric columns rounded to precision when given).
    dbt counts those rows plus the difference between the two counts; one
    row here per unit. -#}
{% test equality(model, compare_model, compare_columns=none, exclude_columns=none, precision=none) %}
{%- if not execute %}select 1 as parsed where 1 = 0{% else -%}
{%- set cols = [] -%}
{%- set skip = (exclude_columns or []) | map('lower') | list -%}
{%- if compare_columns -%}
{%- for c in compare_columns %}{% if c | lower not in skip %}{% do cols.append(c) %}{% endif %}{% endfor -%}
{%- else -%}
{%- for col in adapter.get_columns_in_relation(model) -%}
{%- if col.column | lower not in skip -%}
{%- set t = col.data_type | lower -%}
{%- if precision is not none and ('real' in t or 'float' in t or 'double' in t or 'num' in t or 'dec' in t) -%}
{%- do cols.append('round(' ~ col.quoted ~ ', ' ~ precision ~ ') as ' ~ col.quoted) -%}
{%- else -%}
{%- do cols.append(col.quoted) -%}
{%- endif -%}
{%- endif -%}
{%- endfor -%}
{%- endif %}
with a_minus_b as (
    select {{ cols | join(', ') }} from {{ model }}
    {{ dbt.except() }}
    select {{ cols | join(', ') }} from {{ compare_model }}
),
b_minus_a as (
    select {{ cols | join(', ') }} from {{ compare_model }}
    {{ dbt.except() }}
    select {{ cols | join(', ') }} from {{ model }}
)
select 'a_minus_b' as which_diff from a_minus_b
union all
select 'b_minus_a' from b_minus_a
union all
select 'count_difference' from (select row_number() over () as k from a_minus_b) extra_a
where k > (select count(*) from b_minus_a)
union all
select 'count_difference' from (select row_number() over () as k from b_minus_a) extra_b
where k > (select count(*) from a_minus_b)
{%- endif %}
{% endtest %}

{#- unique_where and not_null_where, dbt_utils 0.x's tests with a where
    argument (dbt's where config does the same now). -#}
{% test unique_where(model, column_name, where='1=1') %}
select {{ column_name }} as unique_field, count(*) as n_records
from {{ model }}
where {{ column_name }} is not null and ({{ where }})
group by {{ column_name }}
having count(*) > 1
{% endtest %}

{% test not_null_where(model, column_name, where='1=1') %}
select *
from {{ model }}
where {{ column_name }} is null and ({{ where }})
{% endtest %}
