{#- Every state model listed in var('states'), newest first, as entity_id, entity_type,
    state_name, state_value, state_entered_at, state_exited_at and is_current. -#}

with listed_states as (
{{ nexus.union_state_models(var('states', [])) }}
),

added_states as (
    select
        cast(null as {{ dbt.type_string() }}) as person_id,
        cast(null as {{ dbt.type_string() }}) as state,
        cast(null as timestamp) as state_entered_at,
        cast(null as timestamp) as state_exited_at,
        false as is_current
    where false
    -- Add your new state model to the union: a model with the columns
    -- person_id, state, state_entered_at, state_exited_at, is_current
    -- (in this order) goes on the lines below this comment, as
    --     union all
    --     select * from <ref of the model>
    -- `union all` must come first. Listing the model in vars.states instead
    -- also names its states; rows a listed model already gives are kept once.
),

added_as_states as (
    select
        cast(a.person_id as {{ dbt.type_string() }}) as entity_id,
        'person' as entity_type,
        'unlisted_state' as state_name,
        cast(a.state as {{ dbt.type_string() }}) as state_value,
        a.state_entered_at,
        a.state_exited_at,
        a.is_current,
        cast(null as {{ dbt.type_string() }}) as trigger_event_id
    from added_states as a
    where not exists (
        select 1
        from listed_states as l
        where l.entity_type = 'person'
            and l.entity_id = cast(a.person_id as {{ dbt.type_string() }})
            and l.state_value = cast(a.state as {{ dbt.type_string() }})
            and l.state_entered_at is not distinct from a.state_entered_at
            and l.state_exited_at is not distinct from a.state_exited_at
    )
),

states as (
    select * from listed_states
    union all
    select * from added_as_states
)

select *
from states
order by state_entered_at desc, entity_type, entity_id, state_name
