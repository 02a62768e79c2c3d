{#- Each group identifier with the group_id it resolves to. -#}
{#- The index serves every join of an identifier to its group (traits,
    participants, memberships), which would otherwise build its own;
    warehouses without indexes ignore it. #}
{{ config(tags=['groups'], indexes=[{'columns': ['identifier_type', 'identifier_value', 'group_id']}]) }}

{{ nexus.resolve_identifiers('group', 'nexus_group_identifiers', 'nexus_group_identifiers_edges', var('nexus_max_recursion')) }}
