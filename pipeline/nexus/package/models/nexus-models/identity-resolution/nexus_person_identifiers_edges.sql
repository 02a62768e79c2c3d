{#- Edges between the person identifiers seen together. -#}
{{ config(tags=['persons']) }}

{{ nexus.create_identifier_edges('nexus_person_identifiers') }}
