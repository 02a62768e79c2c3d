{#- Persons sharing an email: one real person split into several, for
    example by a chain of identifiers longer than nexus_max_recursion. This
    is the Common Tasks page's "Check for duplicate persons"; it passes when
    nexus_persons has no email column (no source gives an email trait). -#}
{{ config(severity='warn') }}
{%- set persons = ref('nexus_persons') -%}
{%- if 'email' in nexus.columns_of(persons) %}
select
    email,
    count(*) as count
from {{ persons }}
where email is not null
group by email
having count(*) > 1
{%- else %}
select
    cast(null as {{ dbt.type_string() }}) as email,
    0 as count
where false
{%- endif %}
