{#- Edges between the group identifiers seen together (NEXUS_SPEC.md section 4). -#}
{{ config(tags=['groups']) }}

{{ nexus.create_identifier_edges('nexus_group_identifiers') }}
