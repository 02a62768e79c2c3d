{#- Edges between the person identifiers seen together (NEXUS_SPEC.md section 4). -#}
{{ config(tags=['persons']) }}

{{ nexus.identifier_edges('person') }}
