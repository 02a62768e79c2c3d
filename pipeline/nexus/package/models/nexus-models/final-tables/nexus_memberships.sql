{#- Persons in groups: membership identifiers joined to both resolved sides,
    the latest row per (person, group) kept.
    Columns as dbt-nexus. The membership identifiers take the sources'
    shapes, so role, source and occurred_at are read only where some source
    has them. -#}
{{ config(tags=['memberships']) }}
{%- set columns = nexus.columns_of(ref('nexus_membership_identifiers')) %}

with joined as (
    select
        p.person_id,
        g.group_id,
        {{ nexus.first_column(columns, ['role'], alias='m') }} as role,
        {{ nexus.first_column(columns, ['source'], alias='m') }} as source,
        {{ nexus.first_column(columns, ['occurred_at'], alias='m') }} as occurred_at,
        {{ nexus.first_column(columns, ['event_id'], alias='m') }} as event_id
    from {{ ref('nexus_membership_identifiers') }} as m
    join {{ ref('nexus_resolved_person_identifiers') }} as p
        on p.identifier_type = m.person_identifier_type
        and p.identifier_value = m.person_identifier
    join {{ ref('nexus_resolved_group_identifiers') }} as g
        on g.identifier_type = m.group_identifier_type
        and g.identifier_value = m.group_identifier
)

{%- if target.type == 'sqlite' %}
{#- SQLite takes the columns not grouped from the row of the one max(),
    which nexus_order_key makes the row the window below ranks first. #}
select
    {{ dbt_utils.generate_surrogate_key(['person_id', 'group_id']) }} as membership_id,
    person_id,
    group_id,
    role,
    source,
    occurred_at,
    false as realtime_processed
from joined
group by person_id, group_id
having max(nexus_order_key(occurred_at, event_id, nexus_order_key_desc(role))) is not null
order by occurred_at desc, membership_id
{%- else %},

ranked as (
    select
        *,
        row_number() over (
            partition by person_id, group_id
            order by occurred_at desc, event_id desc, role
        ) as membership_rank
    from joined
)

select
    {{ dbt_utils.generate_surrogate_key(['person_id', 'group_id']) }} as membership_id,
    person_id,
    group_id,
    role,
    source,
    occurred_at,
    false as realtime_processed
from ranked
where membership_rank = 1
order by occurred_at desc, membership_id
{%- endif %}
