{#- Every enabled source's events, newest first (NEXUS_SPEC.md section 3). -#}
with events as (
{{ nexus.union_events() }}
)

select *
from events
{%- if is_incremental() %}
-- Incremental runs (Common Tasks, "Configure Incremental Models") add only
-- rows newer than the newest one already in the table.
where occurred_at > (select coalesce(max(occurred_at), '') from {{ this }})
{%- endif %}
order by occurred_at desc, event_id
