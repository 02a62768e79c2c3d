{#- A SQL list of lower-cased strings, for `x in (...)`. -#}
{%- macro sql_list(values) -%}
(
{%- for value in values -%}
    '{{ value | lower | replace("'", "''") }}'
    {%- if not loop.last %}, {% endif -%}
{%- endfor -%}
{%- if values | length == 0 -%}null{%- endif -%}
)
{%- endmacro -%}

{#- True for our own staff (var internal_domains) and test addresses (var
    test_emails): rows with such an email make no person or group. -#}
{%- macro is_excluded_email(column) -%}
coalesce({{ nexus.normalize_email(column) }} in {{ sql_list(var('test_emails', [])) }}
    or {{ nexus.email_domain(column) }} in {{ sql_list(var('internal_domains', [])) }}, false)
{%- endmacro -%}

{#- True for a test address only: such rows are dropped everywhere, events
    included. -#}
{%- macro is_test_email(column) -%}
coalesce({{ nexus.normalize_email(column) }} in {{ sql_list(var('test_emails', [])) }}, false)
{%- endmacro -%}

{#- True for the domain of an email provider (var generic_email_domains),
    which says nothing about the company a person works for. -#}
{%- macro is_generic_domain(domain_sql) -%}
coalesce({{ domain_sql }} in {{ sql_list(var('generic_email_domains', [])) }}, false)
{%- endmacro -%}
