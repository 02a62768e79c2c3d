{#- Every enabled source's group traits (NEXUS_SPEC.md section 3). -#}
{{ config(tags=['groups']) }}

with traits as (
{{ nexus.union_traits('group') }}
)

select *
from traits
order by occurred_at desc, row_id, trait_name
