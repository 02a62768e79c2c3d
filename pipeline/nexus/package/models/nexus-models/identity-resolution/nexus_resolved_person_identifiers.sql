{#- Each person identifier with the person_id it resolves to (NEXUS_SPEC.md section 4). -#}
{{ config(tags=['persons']) }}

{{ nexus.resolve_identifiers('person', 'nexus_person_identifiers', 'nexus_person_identifiers_edges', var('nexus_max_recursion')) }}
