{#- Every enabled source's events, newest first (NEXUS_SPEC.md section 3). -#}
with events as (
{{ nexus.union_events() }}
)

select *
from events
order by occurred_at desc, event_id
