{#- Every enabled source's person traits (NEXUS_SPEC.md section 3). -#}
{{ config(tags=['persons']) }}

with traits as (
{{ nexus.union_traits('person') }}
)

select *
from traits
order by occurred_at desc, row_id, trait_name
