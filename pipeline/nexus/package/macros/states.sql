{#-
    States.
-#}

{#- dbt-nexus c918759's derived_state: a state combined from other state
    models. component_states lists {name, table, condition}: the rows of
    model `table` (columns of nexus_states) are that component's changes and
    `condition` (SQL over them, e.g. "case when state_value = 'paid' then 1
    else 0 end") its status. At every change of any component, each
    component's current status is carried forward as
    current_<name>_status, and combination_logic (SQL over those) gives the
    derived value; a new state starts only where that value changes. Each
    state exits when the next one starts; the last one is current. Rows
    with a NULL value are left out. Written without IGNORE NULLS, which
    SQLite lacks: a component's status is read from its latest change, found
    by counting its changes so far. -#}
{%- macro derived_state(state_name, component_states, combination_logic, entity_type='group') -%}
with all_component_changes as (
{%- for component in component_states %}
    {{ 'union all' if not loop.first }}
    -- {{ component.name }}
    select
        cast(entity_id as {{ dbt.type_string() }}) as entity_id,
        state_entered_at as changed_at,
        '{{ component.name }}' as component,
        {{ component.condition }} as is_active,
        state_value as component_state_value,
        trigger_event_id
    from {{ ref(component.table) }}
{%- endfor %}
),

counted_changes as (
    select
        *,
        row_number() over (partition by entity_id order by changed_at, component, trigger_event_id) as change_seq
        {%- for component in component_states %},
        count(case when component = '{{ component.name }}' then 1 end) over (
            partition by entity_id order by changed_at, component, trigger_event_id rows unbounded preceding
        ) as {{ component.name }}_changes
        {%- endfor %}
    from all_component_changes
),

component_status_timeline as (
    select
        entity_id,
        changed_at,
        component,
        component_state_value,
        trigger_event_id,
        change_seq
        {%- for component in component_states %},
        first_value(case when component = '{{ component.name }}' then is_active end) over (
            partition by entity_id, {{ component.name }}_changes order by change_seq
        ) as current_{{ component.name }}_status
        {%- endfor %}
    from counted_changes
),

combined_status_timeline as (
    select
        entity_id,
        changed_at,
        change_seq,
        trigger_event_id,
        {{ combination_logic }} as combined_status
    from component_status_timeline
),

status_transitions as (
    select
        entity_id,
        changed_at,
        change_seq,
        trigger_event_id,
        combined_status,
        lag(combined_status) over (partition by entity_id order by change_seq) as previous_status
    from combined_status_timeline
),

states as (
    select
        entity_id,
        combined_status as state_value,
        changed_at as state_entered_at,
        lead(changed_at) over (partition by entity_id order by change_seq) as state_exited_at,
        trigger_event_id
    from status_transitions
    where previous_status is null or combined_status <> previous_status
)

select
    entity_id,
    '{{ entity_type }}' as entity_type,
    '{{ state_name }}' as state_name,
    cast(state_value as {{ dbt.type_string() }}) as state_value,
    state_entered_at,
    state_exited_at,
    state_exited_at is null as is_current,
    trigger_event_id
from states
where state_value is not null
order by state_entered_at desc
{%- endmacro -%}

{#- The models of `state_models` (var('states')) in the columns of
    nexus_states. A model in the spec's columns (entity_id, state_name,
    state_value, ...) is taken as it is; one in the Common Tasks shape
    (person_id or group_id, state, state_entered_at, state_exited_at,
    is_current) is mapped: the id becomes entity_id, `state` the value and
    the model's name the state_name. -#}
{%- macro union_state_models(state_models) -%}
    {%- if state_models | length == 0 %}
select
    cast(null as {{ dbt.type_string() }}) as entity_id,
    cast(null as {{ dbt.type_string() }}) as entity_type,
    cast(null as {{ dbt.type_string() }}) as state_name,
    cast(null as {{ dbt.type_string() }}) as state_value,
    cast(null as timestamp) as state_entered_at,
    cast(null as timestamp) as state_exited_at,
    false as is_current,
    cast(null as {{ dbt.type_string() }}) as trigger_event_id
where false
    {%- endif -%}
    {%- for name in state_models -%}
        {%- set relation = ref(name) -%}
        {%- set columns = nexus.columns_of(relation) -%}
        {%- set page_shape = 'entity_id' not in columns and 'state' in columns -%}
        {%- set entity = 'group' if 'group_id' in columns and 'person_id' not in columns else 'person' -%}
        {%- if execute and not page_shape and 'entity_id' not in columns -%}
            {%- do exceptions.raise_compiler_error("state model " ~ name ~ " (listed in vars.states) has neither entity_id, state_name, state_value (the nexus_states columns) nor person_id, state (the Common Tasks shape)") -%}
        {%- endif -%}
        {%- if not loop.first %}

union all
        {%- endif %}

-- {{ name }}: {{ 'Common Tasks shape (' ~ entity ~ '_id, state)' if page_shape else 'spec shape' }}
select
        {%- if page_shape %}
    cast({{ entity }}_id as {{ dbt.type_string() }}) as entity_id,
    '{{ entity }}' as entity_type,
    '{{ name }}' as state_name,
    cast(state as {{ dbt.type_string() }}) as state_value,
        {%- else %}
    cast(entity_id as {{ dbt.type_string() }}) as entity_id,
    {{ nexus.first_column(columns, ['entity_type'], "'person'") }} as entity_type,
    {{ nexus.first_column(columns, ['state_name'], "'" ~ name ~ "'") }} as state_name,
    cast(state_value as {{ dbt.type_string() }}) as state_value,
        {%- endif %}
    state_entered_at,
    state_exited_at,
    {{ nexus.first_column(columns, ['is_current'], 'case when state_exited_at is null then true else false end') }} as is_current,
    {{ nexus.first_column(columns, ['trigger_event_id']) }} as trigger_event_id
from {{ relation }}
    {%- endfor -%}
{%- endmacro -%}
