{#- Each person identifier with the person_id it resolves to. -#}
{#- The index serves every join of an identifier to its person (traits,
    participants, memberships), which would otherwise build its own;
    warehouses without indexes ignore it. #}
{{ config(tags=['persons'], indexes=[{'columns': ['identifier_type', 'identifier_value', 'person_id']}]) }}

{{ nexus.resolve_identifiers('person', 'nexus_person_identifiers', 'nexus_person_identifiers_edges', var('nexus_max_recursion')) }}
