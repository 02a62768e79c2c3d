{#- dbt_date's calendar macros, each giving the value the package gives on
    the target's warehouse (target.type): weeks start on Sunday, ISO weeks
    on Monday; day_of_week counts from Sunday (1), or Monday with isoweek.
    The SQL is the warehouse's; the engine translates it like any model. -#}

{%- macro date_part(datepart, date) -%}
{%- if target.type == 'bigquery' -%}
extract({{ datepart }} from {{ date }})
{%- elif target.type == 'sqlite' -%}
{{ dbt_date._sqlite_part(datepart, date) }}
{%- else -%}
date_part('{{ datepart }}', {{ date }})
{%- endif -%}
{%- endmacro -%}

{#- SQLite, no warehouse of the package, reads its parts with strftime;
    a week is ISO's. -#}
{%- macro _sqlite_part(datepart, date) -%}
{%- set formats = {'year': '%Y', 'month': '%m', 'day': '%d', 'hour': '%H', 'minute': '%M', 'second': '%S', 'dayofweek': '%w', 'dow': '%w',
                   'dayofweekiso': '%u', 'isodow': '%u', 'dayofyear': '%j', 'doy': '%j', 'week': '%V', 'isoweek': '%V', 'weekiso': '%V', 'epoch': '%s'} -%}
{%- set part = datepart | lower -%}
{%- if part == 'quarter' -%}
((cast(strftime('%m', {{ date }}) as integer) + 2) / 3)
{%- elif part in formats -%}
cast(strftime('{{ formats[part] }}', {{ date }}) as integer)
{%- else -%}
{{ exceptions.raise_compiler_error("dbt_date.date_part: the part " ~ datepart ~ " has no SQLite form here; pick a warehouse target") }}
{%- endif -%}
{%- endmacro -%}

{#- column (a UTC timestamp unless source_tz) as the wall clock of
    target_tz, by default var('dbt_date:time_zone'). -#}
{%- macro convert_timezone(column, target_tz=none, source_tz=none) -%}
{%- set source_tz = source_tz or 'UTC' -%}
{%- set target_tz = target_tz or var('dbt_date:time_zone') -%}
{%- if target.type == 'sqlite' -%}
{{ exceptions.raise_compiler_error("dbt_date.convert_timezone needs a warehouse target: SQLite has no time zones") }}
{%- elif target.type == 'bigquery' -%}
timestamp(datetime({{ column }}, '{{ target_tz }}'))
{%- elif target.type == 'duckdb' -%}
cast(cast({{ column }} as {{ dbt.type_timestamp() }}) at time zone '{{ source_tz }}' at time zone '{{ target_tz }}' as {{ dbt.type_timestamp() }})
{%- else -%}
convert_timezone('{{ source_tz }}', '{{ target_tz }}', cast({{ column }} as {{ dbt.type_timestamp() }}))
{%- endif -%}
{%- endmacro -%}

{#- On SQLite, which has no zones, UTC. -#}
{%- macro now(tz=none) -%}
{%- if target.type == 'sqlite' %}{{ dbt.current_timestamp() }}{% else %}{{ dbt_date.convert_timezone(dbt.current_timestamp(), tz) }}{% endif -%}
{%- endmacro -%}

{%- macro today(tz=none) -%}
cast({{ dbt_date.now(tz) }} as date)
{%- endmacro -%}

{%- macro n_days_ago(n, date=none, tz=none) -%}
cast({{ dbt.dateadd('day', -1 * (n | int), date or dbt_date.today(tz)) }} as date)
{%- endmacro -%}

{%- macro n_days_away(n, date=none, tz=none) -%}
{{ dbt_date.n_days_ago(-1 * (n | int), date, tz) }}
{%- endmacro -%}

{%- macro yesterday(date=none, tz=none) -%}
{{ dbt_date.n_days_ago(1, date, tz) }}
{%- endmacro -%}

{%- macro tomorrow(date=none, tz=none) -%}
{{ dbt_date.n_days_away(1, date, tz) }}
{%- endmacro -%}

{#- The start of the week or month n periods from today (back for -n). -#}
{%- macro _period_from_today(datepart, n, tz) -%}
{{ dbt.date_trunc(datepart, dbt.dateadd(datepart, n, dbt_date.today(tz))) }}
{%- endmacro -%}

{%- macro n_weeks_ago(n, tz=none) -%}{{ dbt_date._period_from_today('week', -1 * (n | int), tz) }}{%- endmacro -%}
{%- macro n_weeks_away(n, tz=none) -%}{{ dbt_date._period_from_today('week', n | int, tz) }}{%- endmacro -%}
{%- macro n_months_ago(n, tz=none) -%}{{ dbt_date._period_from_today('month', -1 * (n | int), tz) }}{%- endmacro -%}
{%- macro n_months_away(n, tz=none) -%}{{ dbt_date._period_from_today('month', n | int, tz) }}{%- endmacro -%}
{%- macro last_week(tz=none) -%}{{ dbt_date.n_weeks_ago(1, tz) }}{%- endmacro -%}
{%- macro next_week(tz=none) -%}{{ dbt_date.n_weeks_away(1, tz) }}{%- endmacro -%}
{%- macro last_month(tz=none) -%}{{ dbt_date.n_months_ago(1, tz) }}{%- endmacro -%}
{%- macro next_month(tz=none) -%}{{ dbt_date.n_months_away(1, tz) }}{%- endmacro -%}
{%- macro last_month_name(short=true, tz=none) -%}{{ dbt_date.month_name(dbt_date.last_month(tz), short=short) }}{%- endmacro -%}
{%- macro next_month_name(short=true, tz=none) -%}{{ dbt_date.month_name(dbt_date.next_month(tz), short=short) }}{%- endmacro -%}
{%- macro last_month_number(tz=none) -%}{{ dbt_date.date_part('month', dbt_date.last_month(tz)) }}{%- endmacro -%}
{%- macro next_month_number(tz=none) -%}{{ dbt_date.date_part('month', dbt_date.next_month(tz)) }}{%- endmacro -%}

{#- 1 for Sunday to 7 for Saturday; with isoweek 1 for Monday to 7 for
    Sunday. -#}
{%- macro day_of_week(date, isoweek=true) -%}
{%- if target.type == 'bigquery' -%}
{%- if isoweek %}mod(extract(dayofweek from {{ date }}) + 5, 7) + 1{% else %}extract(dayofweek from {{ date }}){% endif -%}
{%- elif target.type == 'snowflake' -%}
{%- if isoweek %}date_part('dayofweekiso', {{ date }}){% else %}mod(date_part('dayofweek', {{ date }}), 7) + 1{% endif -%}
{%- elif target.type == 'duckdb' -%}
cast({% if isoweek %}isodow({{ date }}){% else %}dayofweek({{ date }}) + 1{% endif %} as {{ dbt.type_int() }})
{%- else -%}
{%- if isoweek %}{{ dbt_date.date_part('dayofweekiso', date) }}{% else %}{{ dbt_date.date_part('dayofweek', date) }} + 1{% endif -%}
{%- endif -%}
{%- endmacro -%}

{%- macro day_name(date, short=true) -%}
{%- if target.type == 'bigquery' -%}
format_date('{{ '%a' if short else '%A' }}', cast({{ date }} as date))
{%- elif target.type == 'snowflake' -%}
{%- if short %}dayname({{ date }}){% else %}decode(dayname({{ date }}), 'Mon', 'Monday', 'Tue', 'Tuesday', 'Wed', 'Wednesday', 'Thu', 'Thursday', 'Fri', 'Friday', 'Sat', 'Saturday', 'Sun', 'Sunday'){% endif -%}
{%- elif target.type == 'sqlite' -%}
{%- set names = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] -%}
case strftime('%w', {{ date }}){% for n in names %} when '{{ loop.index0 }}' then '{{ n[:3] if short else n }}'{% endfor %} end
{%- else -%}
{%- if short %}left(dayname({{ date }}), 3){% else %}dayname({{ date }}){% endif -%}
{%- endif -%}
{%- endmacro -%}

{%- macro month_name(date, short=true) -%}
{%- if target.type == 'bigquery' -%}
format_date('{{ '%b' if short else '%B' }}', cast({{ date }} as date))
{%- elif target.type == 'snowflake' -%}
to_char({{ date }}, '{{ 'MON' if short else 'MMMM' }}')
{%- elif target.type == 'sqlite' -%}
{%- set names = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] -%}
case cast(strftime('%m', {{ date }}) as integer){% for n in names %} when {{ loop.index }} then '{{ n[:3] if short else n }}'{% endfor %} end
{%- else -%}
{%- if short %}left(monthname({{ date }}), 3){% else %}monthname({{ date }}){% endif -%}
{%- endif -%}
{%- endmacro -%}

{%- macro day_of_month(date) -%}
{{ dbt_date.date_part('day', date) }}
{%- endmacro -%}

{%- macro day_of_year(date) -%}
{%- if target.type == 'duckdb' %}dayofyear({{ date }}){% else %}{{ dbt_date.date_part('dayofyear', date) }}{% endif -%}
{%- endmacro -%}

{#- The Sunday a week starts on, the Saturday it ends on. -#}
{%- macro week_start(date=none, tz=none) -%}
{%- set d = date or dbt_date.today(tz) -%}
cast({{ dbt.dateadd('day', '1 - (' ~ dbt_date.day_of_week(d, isoweek=false) ~ ')', d) }} as date)
{%- endmacro -%}

{%- macro week_end(date=none, tz=none) -%}
{{ dbt_date.n_days_away(6, dbt_date.week_start(date, tz)) }}
{%- endmacro -%}

{#- The week of the year as the warehouse numbers it: BigQuery's Sunday
    weeks (0 before the first Sunday), Snowflake's WEEK, DuckDB's days of
    the year by seven. -#}
{%- macro week_of_year(date=none, tz=none) -%}
{%- set d = date or dbt_date.today(tz) -%}
{%- if target.type == 'duckdb' -%}
cast(ceil(dayofyear({{ d }}) / 7) as {{ dbt.type_int() }})
{%- elif target.type == 'sqlite' -%}
((cast(strftime('%j', {{ d }}) as integer) + 6) / 7)
{%- else -%}
cast({{ dbt_date.date_part('week', d) }} as {{ dbt.type_int() }})
{%- endif -%}
{%- endmacro -%}

{#- The Monday an ISO week starts on, the Sunday it ends on. -#}
{%- macro iso_week_start(date=none, tz=none) -%}
{%- set d = date or dbt_date.today(tz) -%}
cast({{ dbt.dateadd('day', '1 - (' ~ dbt_date.day_of_week(d, isoweek=true) ~ ')', d) }} as date)
{%- endmacro -%}

{%- macro iso_week_end(date=none, tz=none) -%}
{{ dbt_date.n_days_away(6, dbt_date.iso_week_start(date, tz)) }}
{%- endmacro -%}

{%- macro iso_week_of_year(date=none, tz=none) -%}
{%- set d = date or dbt_date.today(tz) -%}
{%- if target.type == 'bigquery' -%}
cast(extract(isoweek from {{ d }}) as {{ dbt.type_int() }})
{%- elif target.type in ['snowflake', 'sqlite'] -%}
cast({{ dbt_date.date_part('weekiso', d) }} as {{ dbt.type_int() }})
{%- else -%}
cast(date_part('week', {{ d }}) as {{ dbt.type_int() }})
{%- endif -%}
{%- endmacro -%}

{#- Seconds since 1970-01-01 00:00:00 UTC. -#}
{%- macro to_unixtimestamp(timestamp) -%}
{%- if target.type == 'bigquery' -%}
unix_seconds({{ timestamp }})
{%- elif target.type == 'snowflake' -%}
date_part('epoch_seconds', {{ timestamp }})
{%- elif target.type == 'sqlite' -%}
{{ dbt_date.date_part('epoch', timestamp) }}
{%- else -%}
date_part('epoch', {{ timestamp }})
{%- endif -%}
{%- endmacro -%}

{#- The UTC timestamp of a count of seconds (milli- or microseconds where
    the warehouse's form takes them) since 1970. -#}
{%- macro from_unixtimestamp(epochs, format='seconds') -%}
{%- set scales = {'seconds': 0, 'milliseconds': 3, 'microseconds': 6} -%}
{%- if format not in scales or (format != 'seconds' and target.type not in ['bigquery', 'snowflake']) -%}
{{ exceptions.raise_compiler_error("value " ~ format ~ " for `format` for from_unixtimestamp is not supported.") }}
{%- endif -%}
{%- if target.type == 'bigquery' -%}
timestamp_{{ {'seconds': 'seconds', 'milliseconds': 'millis', 'microseconds': 'micros'}[format] }}({{ epochs }})
{%- elif target.type == 'snowflake' -%}
to_timestamp_ntz({{ epochs }}, {{ scales[format] }})
{%- elif target.type == 'duckdb' -%}
cast(to_timestamp({{ epochs }}) at time zone 'UTC' as timestamp)
{%- elif target.type == 'sqlite' -%}
datetime({{ epochs }}, 'unixepoch')
{%- else -%}
to_timestamp({{ epochs }})
{%- endif -%}
{%- endmacro -%}

{%- macro periods_since(date_col, period_name='day', tz=none) -%}
{{ dbt.datediff(date_col, dbt_date.now(tz), period_name) }}
{%- endmacro -%}

{#- The day nearest the timestamp (noon and after rounds up). -#}
{%- macro round_timestamp(timestamp) -%}
{{ dbt.date_trunc('day', dbt.dateadd('hour', 12, timestamp)) }}
{%- endmacro -%}
