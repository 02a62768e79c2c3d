{#- Each group identifier with the group_id it resolves to (NEXUS_SPEC.md section 4). -#}
{{ config(tags=['groups']) }}

{{ nexus.resolve_identifiers('group', 'nexus_group_identifiers', 'nexus_group_identifiers_edges', var('nexus_max_recursion')) }}
