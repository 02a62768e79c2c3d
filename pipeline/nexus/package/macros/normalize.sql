{#-
    Normalising identifiers. The event log stores
    the normalised form next to the raw value; resolution joins on the raw
    value, so a source model that wants "Ann@X.com" and "ann@x.com" to meet
    applies these macros itself.
-#}

{#- An email trimmed and lower-cased. -#}
{%- macro normalize_email(column) -%}
lower(trim({{ column }}))
{%- endmacro -%}

{#- A domain (or the domain part of a URL-less host name) trimmed,
    lower-cased and without a leading "www.". -#}
{%- macro normalize_domain(column) -%}
case
    when lower(trim({{ column }})) like 'www.%' then substr(lower(trim({{ column }})), 5)
    else lower(trim({{ column }}))
end
{%- endmacro -%}

{#- A phone number reduced to its digits. SQLite has no regexp_replace, so
    the separators people write (spaces, dashes, dots, slashes, brackets and
    the leading plus) are removed one by one. -#}
{%- macro normalize_phone(column) -%}
{%- set expression = namespace(sql='trim(cast(' ~ column ~ ' as ' ~ dbt.type_string() ~ '))') -%}
{%- for separator in [' ', '-', '.', '/', '(', ')', '+'] -%}
    {%- set expression.sql = "replace(" ~ expression.sql ~ ", '" ~ separator ~ "', '')" -%}
{%- endfor -%}
{{- expression.sql -}}
{%- endmacro -%}

{#- The domain of an email address, normalised. -#}
{%- macro email_domain(column) -%}
{{ nexus.normalize_domain("substr(trim(" ~ column ~ "), instr(trim(" ~ column ~ "), '@') + 1)") }}
{%- endmacro -%}

{#- The normalised form of an identifier by its type: emails and domains
    lower-cased, phones reduced to digits, anything else as is. -#}
{%- macro normalize_identifier(type_column, value_column) -%}
case
        when lower({{ type_column }}) like '%email%' then {{ nexus.normalize_email(value_column) }}
        when lower({{ type_column }}) like '%domain%' then lower(trim({{ value_column }}))
        when lower({{ type_column }}) like '%phone%' then {{ nexus.normalize_phone(value_column) }}
        else cast({{ value_column }} as {{ dbt.type_string() }})
    end
{%- endmacro -%}
