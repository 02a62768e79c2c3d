{#- Every enabled source's person identifiers with their normalised value,
    beside the raw one. -#}
{{ config(tags=['persons']) }}

with identifiers as (
{{ nexus.process_entity_identifiers('person') }}
)

select *
from identifiers
{%- if is_incremental() %}
-- Incremental runs (Common Tasks, "Configure Incremental Models") add only
-- rows newer than the newest one already in the table.
where occurred_at > (select coalesce(max(occurred_at), '') from {{ this }})
{%- endif %}
order by occurred_at desc, row_id, identifier_type, identifier_value
