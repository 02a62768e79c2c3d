{#- Persons and groups holding more identifiers than var
    nexus_max_component_size (default 50): a sign that a shared identifier (a
    test email, a support inbox, a generic domain) merged unrelated people.
    edge_distributions shows which identifiers join the most, and var
    nexus_ignore_identifiers drops their edges. -#}
{{ config(severity='warn') }}
{%- set limit = var('nexus_max_component_size', 50) | int %}
select 'person' as entity_type, person_id as entity_id, count(*) as identifiers
from {{ ref('nexus_resolved_person_identifiers') }}
group by person_id
having count(*) > {{ limit }}

union all

select 'group' as entity_type, group_id as entity_id, count(*) as identifiers
from {{ ref('nexus_resolved_group_identifiers') }}
group by group_id
having count(*) > {{ limit }}
