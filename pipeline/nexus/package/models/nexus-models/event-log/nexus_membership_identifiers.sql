{#- Every enabled source's membership identifiers (NEXUS_SPEC.md section 3). -#}
{{ config(tags=['memberships']) }}

with memberships as (
{{ nexus.union_memberships() }}
)

select *
from memberships
{%- if is_incremental() %}
-- Incremental runs (Common Tasks, "Configure Incremental Models") add only
-- rows newer than the newest one already in the table.
where occurred_at > (select coalesce(max(occurred_at), '') from {{ this }})
{%- endif %}
order by occurred_at desc, person_identifier, group_identifier
