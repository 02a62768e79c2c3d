{#- Every enabled source's group traits. -#}
{{ config(tags=['groups']) }}

with traits as (
{{ nexus.process_entity_traits('group') }}
)

select *
from traits
{%- if is_incremental() %}
-- Incremental runs (Common Tasks, "Configure Incremental Models") add only
-- rows newer than the newest one already in the table.
where occurred_at > (select coalesce(max(occurred_at), '') from {{ this }})
{%- endif %}
order by occurred_at desc, row_id, trait_name
