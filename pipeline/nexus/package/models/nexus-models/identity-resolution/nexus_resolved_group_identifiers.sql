{#- Each group identifier with the group_id it resolves to. -#}
{#- The index serves every join of an identifier to its group (traits,
    participants, memberships), which would otherwise build its own;
    warehouses without indexes ignore it. It leads with the value: led by
    the type, a join on a constant type (identifier_type = 'customer_id')
    would search the index for that type and scan the other table once per
    identifier found. #}
{{ config(tags=['groups'], indexes=[{'columns': ['identifier_value', 'identifier_type', 'group_id']}]) }}

{{ nexus.resolve_identifiers('group', 'nexus_group_identifiers', 'nexus_group_identifiers_edges', var('nexus_max_recursion')) }}
