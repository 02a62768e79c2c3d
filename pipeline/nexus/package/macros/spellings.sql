{#- Calls the four dialects spell differently: the package's SQL is
    translated as the project's dialect, which refuses SQLite's own
    functions where the warehouse lacks them. -#}

{#- The unit separator, character 31: a separator no identifier holds. -#}
{%- macro separator() -%}
{{ 'char(31)' if target.type == 'sqlite' else 'chr(31)' }}
{%- endmacro -%}

{#- The values of `column` in a group joined with `sep` (a SQL string),
    in the order the rows come. -#}
{%- macro string_agg(column, sep) -%}
{%- if target.type == 'bigquery' -%}
string_agg({{ column }}, {{ sep }})
{%- elif target.type == 'snowflake' -%}
listagg({{ column }}, {{ sep }})
{%- else -%}
group_concat({{ column }}, {{ sep }})
{%- endif -%}
{%- endmacro -%}

{#- `column` read as an instant, NULL where it is not a timestamp: to
    compare two of them, or to find values that are none. -#}
{%- macro as_instant(column) -%}
{%- if target.type == 'bigquery' -%}
safe_cast({{ column }} as timestamp)
{%- elif target.type == 'snowflake' -%}
try_to_timestamp({{ column }})
{%- elif target.type == 'duckdb' -%}
try_cast({{ column }} as timestamp)
{%- else -%}
julianday({{ column }})
{%- endif -%}
{%- endmacro -%}
