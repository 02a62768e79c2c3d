{#- Each group identifier with the group_id it resolves to. -#}
{{ config(tags=['groups']) }}

{{ nexus.resolve_identifiers('group', 'nexus_group_identifiers', 'nexus_group_identifiers_edges', var('nexus_max_recursion')) }}
