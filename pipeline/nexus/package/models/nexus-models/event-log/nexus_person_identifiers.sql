{#- Every enabled source's person identifiers with their normalised value
    (NEXUS_SPEC.md section 3). -#}
{{ config(tags=['persons']) }}

with identifiers as (
{{ nexus.union_identifiers('person') }}
)

select *
from identifiers
order by occurred_at desc, row_id, identifier_type, identifier_value
