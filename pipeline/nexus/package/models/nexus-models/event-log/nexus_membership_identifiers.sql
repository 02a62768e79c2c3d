{#- Every enabled source's membership identifiers (NEXUS_SPEC.md section 3). -#}
{{ config(tags=['memberships']) }}

with memberships as (
{{ nexus.union_memberships() }}
)

select *
from memberships
order by occurred_at desc, person_identifier, group_identifier
