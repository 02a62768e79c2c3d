{#-
    Helpers the event-log unions share.
-#}

{#- Names of the entries of var('sources') whose `flag` (events, persons,
    groups or memberships) is true, in the order the project lists them. -#}
{%- macro enabled_sources(flag) -%}
    {%- set names = [] -%}
    {%- for entry in var('sources', []) -%}
        {%- if flag in entry and entry[flag] -%}
            {%- do names.append(entry['name']) -%}
        {%- endif -%}
    {%- endfor -%}
    {{- return(names) -}}
{%- endmacro -%}

{#- Lower-cased column names of a built relation. While the project is
    parsed nothing is built yet, so the list is empty then. -#}
{%- macro columns_of(relation) -%}
    {%- set names = [] -%}
    {%- if execute -%}
        {%- for column in adapter.get_columns_in_relation(relation) -%}
            {%- do names.append(column.name | lower) -%}
        {%- endfor -%}
    {%- endif -%}
    {{- return(names) -}}
{%- endmacro -%}

{#- The first of `candidates` that `columns` holds, prefixed with `alias.`,
    else `default` (SQL). Lets a union accept sources that leave optional
    columns out: they come out NULL. -#}
{%- macro first_column(columns, candidates, default='null', alias='') -%}
    {%- set found = [] -%}
    {%- for name in candidates -%}
        {%- if name in columns and found | length == 0 -%}
            {%- do found.append(name) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if found | length > 0 and alias -%}
        {{- alias ~ '.' ~ found[0] -}}
    {%- elif found | length > 0 -%}
        {{- found[0] -}}
    {%- else -%}
        {{- default -}}
    {%- endif -%}
{%- endmacro -%}

{#- The relation of a source's events model when it is enabled and carries
    `key` (the Common Tasks shape: event_id, person_id, occurred_at, ...),
    else none. Identifiers in that shape take event_id and occurred_at from it. -#}
{%- macro keyed_events_relation(source_name, key) -%}
    {%- set found = [] -%}
    {%- if source_name in nexus.enabled_sources('events') -%}
        {%- set relation = ref(source_name ~ '_events') -%}
        {%- if key in nexus.columns_of(relation) -%}
            {%- do found.append(relation) -%}
        {%- endif -%}
    {%- endif -%}
    {{- return(found[0] if found | length > 0 else none) -}}
{%- endmacro -%}
