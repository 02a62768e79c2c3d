{#- Each person identifier with the person_id it resolves to (NEXUS_SPEC.md section 4). -#}
{{ config(tags=['persons']) }}

{{ nexus.resolved_identifiers('person') }}
