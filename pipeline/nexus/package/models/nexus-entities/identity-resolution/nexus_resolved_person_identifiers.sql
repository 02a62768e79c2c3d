{#- Each person identifier with the person_id it resolves to. -#}
{{ config(tags=['persons']) }}

{{ nexus.resolve_identifiers('person', 'nexus_entity_identifiers', 'nexus_entity_identifiers_edges', var('nexus_max_recursion')) }}
