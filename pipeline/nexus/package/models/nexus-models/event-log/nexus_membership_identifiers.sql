{#- Every enabled source's membership identifiers:
    as dbt-nexus, dbt_utils.union_relations over the
    <source>_membership_identifiers models, so the table has the columns
    the sources have, and _dbt_source_relation. -#}
{{ config(tags=['memberships']) }}
{%- set relations = [] -%}
{%- for name in nexus.enabled_sources('memberships') -%}
    {%- do relations.append(ref(name ~ '_membership_identifiers')) -%}
{%- endfor %}

with unioned as (
{%- if relations %}
{{ dbt_utils.union_relations(relations=relations) }}
{%- else %}
    -- No source has memberships: true.
    select
        cast(null as {{ dbt.type_string() }}) as event_id,
        cast(null as {{ dbt.type_string() }}) as occurred_at,
        cast(null as {{ dbt.type_string() }}) as person_identifier,
        cast(null as {{ dbt.type_string() }}) as person_identifier_type,
        cast(null as {{ dbt.type_string() }}) as group_identifier,
        cast(null as {{ dbt.type_string() }}) as group_identifier_type,
        cast(null as {{ dbt.type_string() }}) as role,
        cast(null as {{ dbt.type_string() }}) as source
    where false
{%- endif %}
)

select *
from unioned
{%- if is_incremental() %}
-- Incremental runs (Common Tasks, "Configure Incremental Models") add only
-- rows newer than the newest one already in the table.
where occurred_at > (select coalesce(max(occurred_at), '') from {{ this }})
{%- endif %}
