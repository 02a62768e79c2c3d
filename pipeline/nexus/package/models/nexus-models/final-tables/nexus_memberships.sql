{#- Persons in groups: membership identifiers joined to both resolved sides,
    the latest row per (person, group) kept (NEXUS_SPEC.md section 5). -#}
{{ config(tags=['memberships']) }}

with joined as (
    select
        p.person_id,
        g.group_id,
        m.role,
        m.source,
        m.occurred_at,
        row_number() over (
            partition by p.person_id, g.group_id
            order by m.occurred_at desc, m.event_id desc, m.role
        ) as membership_rank
    from {{ ref('nexus_membership_identifiers') }} as m
    join {{ ref('nexus_resolved_person_identifiers') }} as p
        on p.identifier_type = m.person_identifier_type
        and p.identifier_value = m.person_identifier
    join {{ ref('nexus_resolved_group_identifiers') }} as g
        on g.identifier_type = m.group_identifier_type
        and g.identifier_value = m.group_identifier
)

select
    {{ dbt_utils.generate_surrogate_key(['person_id', 'group_id']) }} as membership_id,
    person_id,
    group_id,
    role,
    source,
    occurred_at
from joined
where membership_rank = 1
order by occurred_at desc, membership_id
