{#-
    States (NEXUS_SPEC.md section 6).
-#}

{#- A state timeline derived from events: per entity, the rows of
    `relation` ordered by time, kept only where the state value changes;
    each state is entered at its event's time, exited when the next one
    starts (NULL while current), and the last one is current. The result has
    the columns of nexus_states, so a state model can be just this call:

        {{ nexus.derived_state(ref('stripe_invoice_events'), entity_id='person_id',
                               state_name='billing_payment_status', state_value='status') }}

    entity_id and state_value are SQL expressions over `relation`; `where`
    is an optional filter in the same terms. -#}
{%- macro derived_state(relation, entity_id, state_name, state_value, entity_type='person', occurred_at='occurred_at', event_id='event_id', where=none) -%}
select
    entity_id,
    '{{ entity_type }}' as entity_type,
    '{{ state_name }}' as state_name,
    state_value,
    state_entered_at,
    lead(state_entered_at) over timeline as state_exited_at,
    case when lead(state_entered_at) over timeline is null then true else false end as is_current,
    trigger_event_id
from (
    select
        entity_id,
        state_value,
        state_entered_at,
        trigger_event_id,
        lag(state_value) over (
            partition by entity_id order by state_entered_at, trigger_event_id
        ) as previous_value
    from (
        select
            cast({{ entity_id }} as text) as entity_id,
            cast({{ state_value }} as text) as state_value,
            {{ occurred_at }} as state_entered_at,
            cast({{ event_id }} as text) as trigger_event_id
        from {{ relation }}
        where {{ entity_id }} is not null
            and {{ state_value }} is not null
            {%- if where %}
            and ({{ where }})
            {%- endif %}
    ) as observed
) as changes
where previous_value is null or previous_value <> state_value
window timeline as (partition by entity_id order by state_entered_at, trigger_event_id)
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
    cast(null as text) as entity_id,
    cast(null as text) as entity_type,
    cast(null as text) as state_name,
    cast(null as text) as state_value,
    cast(null as text) as state_entered_at,
    cast(null as text) as state_exited_at,
    false as is_current,
    cast(null as text) as trigger_event_id
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
    cast({{ entity }}_id as text) as entity_id,
    '{{ entity }}' as entity_type,
    '{{ name }}' as state_name,
    cast(state as text) as state_value,
        {%- else %}
    cast(entity_id as text) as entity_id,
    {{ nexus.first_column(columns, ['entity_type'], "'person'") }} as entity_type,
    {{ nexus.first_column(columns, ['state_name'], "'" ~ name ~ "'") }} as state_name,
    cast(state_value as text) as state_value,
        {%- endif %}
    state_entered_at,
    state_exited_at,
    {{ nexus.first_column(columns, ['is_current'], 'case when state_exited_at is null then true else false end') }} as is_current,
    {{ nexus.first_column(columns, ['trigger_event_id']) }} as trigger_event_id
from {{ relation }}
    {%- endfor -%}
{%- endmacro -%}
