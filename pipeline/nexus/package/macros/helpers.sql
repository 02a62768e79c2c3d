{#-
    Small public macros of dbt-nexus c918759, with its names, parameters
    and results, written for any warehouse: the SQL they emit uses only
    functions SQLite, BigQuery, Snowflake and DuckDB share (no regular
    expressions), so it runs here and, unchanged, in the warehouse.
-#}

{#- Every row of `source` (a CTE or relation name) with a boolean column
    `column_label` true on the first row of each `partition_by` group by
    `order_by` (get='first'), the last (get='last'), or with get='both' two
    columns first_<label> and last_<label>. -#}
{%- macro get_first_or_last_row(source, partition_by, order_by, column_label, get='first') -%}
select
    *,
{%- if get == 'both' %}
    row_number() over (partition by {{ partition_by }} order by {{ order_by }} asc) = 1 as first_{{ column_label }},
    row_number() over (partition by {{ partition_by }} order by {{ order_by }} desc) = 1 as last_{{ column_label }}
{%- else %}
    row_number() over (partition by {{ partition_by }} order by {{ order_by }} {{ 'asc' if get == 'first' else 'desc' }}) = 1 as {{ column_label }}
{%- endif %}
from {{ source }}
{%- endmacro -%}

{#- The other spelling of a domain: without its leading "www." when it has
    one, else with one added. -#}
{%- macro redirected_domain(domain_column) -%}
case
    when {{ domain_column }} like 'www.%' then substr({{ domain_column }}, 5)
    else 'www.' || {{ domain_column }}
end
{%- endmacro -%}

{#- The address of a mail header value: what is inside the first <...> of
    "Name <address>", else the trimmed value itself. NULL when the angle
    brackets hold nothing or do not close. -#}
{%- macro parse_gmail_email(email_column) -%}
{%- set v = 'trim(' ~ email_column ~ ')' -%}
{%- set rest = 'substr(' ~ v ~ ', instr(' ~ v ~ ", '<') + 1)" -%}
case
    when {{ v }} like '%<%' and {{ v }} like '%>%' then
        case when instr({{ rest }}, '>') > 1 then substr({{ rest }}, 1, instr({{ rest }}, '>') - 1) end
    else {{ v }}
end
{%- endmacro -%}

{#- The display name of a mail header value: the trimmed text before the
    first "<" of "Name <address>"; NULL without angle brackets or name. -#}
{%- macro extract_gmail_name(email_column) -%}
{%- set v = 'trim(' ~ email_column ~ ')' -%}
case
    when {{ v }} like '%<%' and {{ v }} like '%>%' and instr({{ v }}, '<') > 1
        then trim(substr({{ v }}, 1, instr({{ v }}, '<') - 1))
    else null
end
{%- endmacro -%}

{#- The columns every source events model selects, in nexus_events' order,
    and realtime_processed: true only when the argument is the text 'TRUE'. -#}
{%- macro common_event_fields(realtime_processed=none) -%}
    event_id,
    occurred_at,
    event_name,
    event_description,
    event_value,
    value_unit,
    event_significance,
    event_type,
    source,
    source_table,
    synced_at,
    {{ 'true' if realtime_processed == 'TRUE' else 'false' }} as realtime_processed
{%- endmacro -%}

{#- The columns of nexus_states; with return_empty=true typed NULLs of
    them, for an empty select. -#}
{%- macro common_state_fields(return_empty=false) -%}
{%- if return_empty %}
    cast(null as {{ dbt.type_string() }}) as entity_id,
    cast(null as {{ dbt.type_string() }}) as entity_type,
    cast(null as {{ dbt.type_string() }}) as state_name,
    cast(null as {{ dbt.type_string() }}) as state_value,
    cast(null as timestamp) as state_entered_at,
    cast(null as timestamp) as state_exited_at,
    cast(null as boolean) as is_current,
    cast(null as {{ dbt.type_string() }}) as trigger_event_id
{%- else %}
    entity_id,
    entity_type,
    state_name,
    state_value,
    state_entered_at,
    state_exited_at,
    is_current,
    trigger_event_id
{%- endif %}
{%- endmacro -%}
