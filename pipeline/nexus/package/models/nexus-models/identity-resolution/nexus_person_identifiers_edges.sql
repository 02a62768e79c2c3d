{#- Edges between the person identifiers seen together (NEXUS_SPEC.md section 4). -#}
{{ config(tags=['persons']) }}

{{ nexus.create_identifier_edges('nexus_person_identifiers') }}
