{#- Edges between the group identifiers seen together. -#}
{{ config(tags=['groups']) }}

{{ nexus.create_identifier_edges('nexus_group_identifiers') }}
