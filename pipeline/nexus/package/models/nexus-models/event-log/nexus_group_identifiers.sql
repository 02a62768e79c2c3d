{#- Every enabled source's group identifiers with their normalised value
    (NEXUS_SPEC.md section 3). -#}
{{ config(tags=['groups']) }}

with identifiers as (
{{ nexus.union_identifiers('group') }}
)

select *
from identifiers
order by occurred_at desc, row_id, identifier_type, identifier_value
