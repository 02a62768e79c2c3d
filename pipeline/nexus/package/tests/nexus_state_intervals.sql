{#- State intervals that end before they start, or that overlap the next
    interval of the same entity and state name (two current states count as
    overlapping). Intervals that touch (one exits when the next is entered)
    are fine. -#}
{{ config(severity='warn') }}
with ordered as (
    select
        entity_type,
        entity_id,
        state_name,
        state_value,
        state_entered_at,
        state_exited_at,
        lead(state_value) over next_state as next_state_value,
        lead(state_entered_at) over next_state as next_entered_at
    from {{ ref('nexus_states') }}
    window next_state as (
        partition by entity_type, entity_id, state_name
        order by state_entered_at, state_exited_at is null, state_exited_at
    )
)

select
    entity_type,
    entity_id,
    state_name,
    state_value,
    state_entered_at,
    state_exited_at,
    next_state_value,
    next_entered_at,
    case
        when state_exited_at < state_entered_at then 'exited before entered'
        else 'overlaps the next state'
    end as problem
from ordered
where state_exited_at < state_entered_at
    or (next_entered_at is not null
        and (state_exited_at is null or next_entered_at < state_exited_at))
