{#- Each group identifier with the group_id it resolves to. -#}
{{ config(tags=['groups']) }}

{{ nexus.resolve_identifiers('group', 'nexus_entity_identifiers', 'nexus_entity_identifiers_edges', var('nexus_max_recursion')) }}
