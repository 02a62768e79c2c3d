{#- Aggregates of a column, over the table or per group_by. -#}

{% test expect_column_distinct_count_to_equal(model, column_name, value, group_by=none, row_condition=none) %}
{{ dbt_expectations._failing(model, 'count(distinct ' ~ column_name ~ ') = ' ~ value, group_by, row_condition) }}
{% endtest %}

{% test expect_column_distinct_count_to_be_greater_than(model, column_name, value, group_by=none, row_condition=none) %}
{{ dbt_expectations._failing(model, 'count(distinct ' ~ column_name ~ ') > ' ~ value, group_by, row_condition) }}
{% endtest %}

{% test expect_column_distinct_count_to_be_less_than(model, column_name, value, group_by=none, row_condition=none) %}
{{ dbt_expectations._failing(model, 'count(distinct ' ~ column_name ~ ') < ' ~ value, group_by, row_condition) }}
{% endtest %}

{% test expect_column_distinct_count_to_equal_other_table(model, compare_model, column_name, compare_column_name=none, row_condition=none, compare_row_condition=none) %}
{{ dbt_expectations._equal_expression(model, 'count(distinct ' ~ column_name ~ ')', compare_model,
    'count(distinct ' ~ (compare_column_name or column_name) ~ ')', none, none, row_condition, compare_row_condition) }}
{% endtest %}

{% test expect_column_unique_value_count_to_be_between(model, column_name, min_value=none, max_value=none, group_by=none, row_condition=none, strictly=false) %}
{{ dbt_expectations._failing_between(model, 'count(distinct ' ~ column_name ~ ')', min_value, max_value, group_by, row_condition, strictly) }}
{% endtest %}

{% test expect_column_proportion_of_unique_values_to_be_between(model, column_name, min_value=none, max_value=none, group_by=none, row_condition=none, strictly=false) %}
{%- set expression = 'cast(count(distinct ' ~ column_name ~ ') as ' ~ dbt.type_float() ~ ') / count(' ~ column_name ~ ')' -%}
{{ dbt_expectations._failing_between(model, expression, min_value, max_value, group_by, row_condition, strictly) }}
{% endtest %}

{% test expect_column_min_to_be_between(model, column_name, min_value=none, max_value=none, group_by=none, row_condition=none, strictly=false) %}
{{ dbt_expectations._failing_between(model, 'min(' ~ column_name ~ ')', min_value, max_value, group_by, row_condition, strictly) }}
{% endtest %}

{% test expect_column_max_to_be_between(model, column_name, min_value=none, max_value=none, group_by=none, row_condition=none, strictly=false) %}
{{ dbt_expectations._failing_between(model, 'max(' ~ column_name ~ ')', min_value, max_value, group_by, row_condition, strictly) }}
{% endtest %}

{% test expect_column_mean_to_be_between(model, column_name, min_value=none, max_value=none, group_by=none, row_condition=none, strictly=false) %}
{{ dbt_expectations._failing_between(model, 'avg(' ~ column_name ~ ')', min_value, max_value, group_by, row_condition, strictly) }}
{% endtest %}

{% test expect_column_sum_to_be_between(model, column_name, min_value=none, max_value=none, group_by=none, row_condition=none, strictly=false) %}
{{ dbt_expectations._failing_between(model, 'sum(' ~ column_name ~ ')', min_value, max_value, group_by, row_condition, strictly) }}
{% endtest %}

{#- The sample standard deviation (stddev). -#}
{% test expect_column_stdev_to_be_between(model, column_name, min_value=none, max_value=none, group_by=none, row_condition=none, strictly=false) %}
{{ dbt_expectations._failing_between(model, 'stddev(' ~ column_name ~ ')', min_value, max_value, group_by, row_condition, strictly) }}
{% endtest %}

{% test expect_column_median_to_be_between(model, column_name, min_value=none, max_value=none, group_by=none, row_condition=none, strictly=false) %}
{{ dbt_expectations._failing_between(model, dbt_expectations._quantile(column_name, 0.5), min_value, max_value, group_by, row_condition, strictly) }}
{% endtest %}

{% test expect_column_quantile_values_to_be_between(model, column_name, quantile, min_value=none, max_value=none, group_by=none, row_condition=none, strictly=false) %}
{{ dbt_expectations._failing_between(model, dbt_expectations._quantile(column_name, quantile), min_value, max_value, group_by, row_condition, strictly) }}
{% endtest %}

{#- The column's distinct values against value_set (quoted values are
    compared as written, not cast to text). -#}
{%- macro _distinct_values(model, column_name, row_condition) -%}
select distinct {{ column_name }} as value_field
    from {{ model }}
    {%- if row_condition %}
    where {{ row_condition }}
    {%- endif %}
{%- endmacro -%}

{#- A distinct value of the column (NULL too) not in the set. -#}
{% test expect_column_distinct_values_to_be_in_set(model, column_name, value_set, quote_values=true, row_condition=none) %}
select v.value_field
from ({{ dbt_expectations._distinct_values(model, column_name, row_condition) }}) as v
left join (select distinct value_field from ({{ dbt_expectations._set_values(value_set, quote_values, false) }}) as s0) as s
    on v.value_field = s.value_field
where s.value_field is null
{% endtest %}

{#- A value of the set the column lacks. -#}
{% test expect_column_distinct_values_to_contain_set(model, column_name, value_set, quote_values=true, row_condition=none) %}
select s.value_field
from (select distinct value_field from ({{ dbt_expectations._set_values(value_set, quote_values, false) }}) as s0) as s
left join ({{ dbt_expectations._distinct_values(model, column_name, row_condition) }}) as v
    on s.value_field = v.value_field
where v.value_field is null
{% endtest %}

{#- Either: a distinct value of the column not in the set, or a value of
    the set the column lacks. -#}
{% test expect_column_distinct_values_to_equal_set(model, column_name, value_set, quote_values=true, row_condition=none) %}
select v.value_field as column_value, s.value_field
from ({{ dbt_expectations._distinct_values(model, column_name, row_condition) }}) as v
full outer join (select distinct value_field from ({{ dbt_expectations._set_values(value_set, quote_values, false) }}) as s0) as s
    on v.value_field = s.value_field
where v.value_field is null or s.value_field is null
{% endtest %}

{#- The column's sums per group_by (one sum of the whole table without
    it) whose distance from the mean of those sums is more than
    sigma_threshold sample standard deviations; a deviation of 0, or none
    (a single sum), fails nothing. -#}
{% test expect_column_values_to_be_within_n_stdevs(model, column_name, group_by=none, sigma_threshold=3) %}
{%- set groups = group_by | join(', ') if group_by else '' %}
select *
from (
    select
        sums.*,
        (sums.metric_sum - avg(sums.metric_sum) over ()) / nullif(stddev(sums.metric_sum) over (), 0) as metric_sigma
    from (
        select {% if groups %}{{ groups }}, {% endif %}sum({{ column_name }}) as metric_sum
        from {{ model }}
        {%- if groups %}
        group by {{ groups }}
        {%- endif %}
    ) as sums
) as scored
where abs(metric_sigma) > {{ sigma_threshold }}
{% endtest %}

{#- The value ranked top_n by its count of rows (1 the most common; ties
    in no set order) is not one of value_set, compared as written when
    quote_values, else both cast to data_type. -#}
{% test expect_column_most_common_value_to_be_in_set(model, column_name, value_set, top_n, quote_values=true, data_type='decimal', row_condition=none) %}
{%- set value = column_name if quote_values else 'cast(' ~ column_name ~ ' as ' ~ data_type ~ ')' %}
select ranked.value_field
from (
    select counted.value_field, row_number() over (order by counted.value_count desc) as value_rank
    from (
        select {{ value }} as value_field, count(*) as value_count
        from {{ model }}
        {%- if row_condition %}
        where {{ row_condition }}
        {%- endif %}
        group by {{ value }}
    ) as counted
) as ranked
where ranked.value_rank = {{ top_n }}
  and ranked.value_field not in (
    {%- for v in value_set %}{% if quote_values %}'{{ v }}'{% else %}cast({{ v }} as {{ data_type }}){% endif %}{% if not loop.last %}, {% endif %}{% endfor -%}
  )
{% endtest %}

{#- Each date_part from test_start_date up to, not including,
    test_end_date (either missing: the first or last date of date_col, read
    from the table), every interval-th one counted from the start, in which
    the model has no row, exclusion_condition aside. A row counts in the
    step it falls in. -#}
{% test expect_row_values_to_have_data_for_every_n_datepart(model, date_col, date_part='day', interval=none, row_condition=none, exclusion_condition=none, test_start_date=none, test_end_date=none) %}
{%- if execute -%}
{%- set kind = 'datetime' if target.type == 'bigquery' else dbt.type_timestamp() -%}
{%- set start_date = test_start_date -%}
{%- set end_date = test_end_date -%}
{%- if not (start_date and end_date) -%}
{%- set bounds = run_query('select min(cast(' ~ date_col ~ ' as date)), max(cast(' ~ date_col ~ ' as date)) from ' ~ model ~ (' where ' ~ row_condition if row_condition else '')) -%}
{%- set first = bounds.columns[0].values()[0] -%}
{%- set last = bounds.columns[1].values()[0] -%}
{%- if first is not string %}{% set first = first.strftime('%Y-%m-%d') %}{% set last = last.strftime('%Y-%m-%d') %}{% endif -%}
{%- set start_date = start_date or first -%}
{%- set end_date = end_date or last -%}
{%- endif -%}
{%- set step = 'date_' ~ date_part -%}
{%- if interval -%}
{%- set steps_from_start = 'mod(cast(' ~ dbt.datediff("'" ~ start_date ~ "'", date_col, date_part) ~ ' as ' ~ dbt.type_int() ~ '), cast(' ~ interval ~ ' as ' ~ dbt.type_int() ~ '))' -%}
{%- set bucket = dbt.dateadd(date_part, steps_from_start ~ ' * (-1)', 'cast(' ~ dbt.date_trunc(date_part, date_col) ~ ' as ' ~ kind ~ ')') -%}
{%- else -%}
{%- set bucket = 'cast(' ~ dbt.date_trunc(date_part, date_col) ~ ' as ' ~ kind ~ ')' -%}
{%- endif %}
select *
from (
    select
        cast(spine.{{ step }} as {{ kind }}) as {{ step }},
        counted.{{ step }} is null as is_missing,
        coalesce(counted.row_cnt, 0) as row_cnt
    from (
        select * from ({{ dbt_date.get_base_dates(start_date=start_date, end_date=end_date, datepart=date_part) }}) as base
        {%- if interval %}
        where mod(cast({{ dbt.datediff("'" ~ start_date ~ "'", 'base.' ~ step, date_part) }} as {{ dbt.type_int() }}), cast({{ interval }} as {{ dbt.type_int() }})) = 0
        {%- endif %}
    ) as spine
    left join (
        select {{ bucket }} as {{ step }}, count(*) as row_cnt
        from {{ model }}
        {%- if row_condition %}
        where {{ row_condition }}
        {%- endif %}
        group by 1
    ) as counted on cast(spine.{{ step }} as {{ kind }}) = counted.{{ step }}
) as steps
where row_cnt = 0
{%- if exclusion_condition %}
  and {{ exclusion_condition }}
{%- endif %}
{%- endif -%}
{% endtest %}

{#- A metric value as tested: its natural log (0 for 0 or NULL) with
    take_logs, else the value (0 for NULL). -#}
{%- macro _moving_metric(value, take_logs) -%}
{%- if take_logs -%}
coalesce(ln(nullif({{ value }}, 0)), 0)
{%- else -%}
coalesce({{ value }}, 0)
{%- endif -%}
{%- endmacro -%}

{#- The column's sum per period of date_column_name (and group_by) - with
    take_diffs, its change since lookback_periods periods before - against
    the average and sample standard deviation of the trend_periods periods
    before it: a period of the last test_periods before the current one
    whose distance from that average, in deviations, is outside
    [sigma_threshold_lower, sigma_threshold_upper] (by default
    -sigma_threshold and sigma_threshold) fails; a deviation of 0 or none
    fails nothing. -#}
{% test expect_column_values_to_be_within_n_moving_stdevs(model, column_name, date_column_name, group_by=none, period='day', lookback_periods=1, trend_periods=7, test_periods=14,
                                                          sigma_threshold=3, sigma_threshold_upper=none, sigma_threshold_lower=none, take_diffs=true, take_logs=true) %}
{%- set upper = sigma_threshold_upper if sigma_threshold_upper else sigma_threshold -%}
{%- set lower = sigma_threshold_lower if sigma_threshold_lower else -1 * sigma_threshold -%}
{%- set groups = group_by | join(', ') if group_by else '' -%}
{%- set partition = 'partition by ' ~ groups ~ ' ' if groups else '' -%}
{%- set ts = 'timestamp_ntz' if target.type == 'snowflake' else 'timestamp' -%}
{%- set trend = 'over (' ~ partition ~ 'order by metric_period rows between ' ~ trend_periods ~ ' preceding and 1 preceding)' %}
select *
from (
    select
        tested.*,
        (tested.metric_test_value - tested.metric_test_rolling_average) / nullif(tested.metric_test_rolling_stddev, 0) as metric_test_sigma
    from (
        select
            valued.*,
            avg(valued.metric_test_value) {{ trend }} as metric_test_rolling_average,
            stddev(valued.metric_test_value) {{ trend }} as metric_test_rolling_stddev
        from (
            select
                sums.*,
                {{ dbt_expectations._moving_metric('sums.agg_metric_value', take_logs) }}
                {%- if take_diffs %} - {{ dbt_expectations._moving_metric('lag(sums.agg_metric_value, ' ~ lookback_periods ~ ') over (' ~ partition ~ 'order by sums.metric_period)', take_logs) }}{% endif %} as metric_test_value
            from (
                select {{ dbt.date_trunc(period, date_column_name) }} as metric_period, {% if groups %}{{ groups }}, {% endif %}sum({{ column_name }}) as agg_metric_value
                from {{ model }}
                group by {{ dbt.date_trunc(period, date_column_name) }}{% if groups %}, {{ groups }}{% endif %}
            ) as sums
        ) as valued
    ) as tested
) as scored
where metric_period >= cast({{ dbt.dateadd(period, -test_periods, dbt.date_trunc(period, dbt_date.now())) }} as {{ ts }})
  and metric_period < {{ dbt.date_trunc(period, dbt_date.now()) }}
  and not (metric_test_sigma >= {{ lower }} and metric_test_sigma <= {{ upper }})
{% endtest %}
