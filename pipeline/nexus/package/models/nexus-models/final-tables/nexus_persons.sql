{#- One row per person, one column per trait (NEXUS_SPEC.md section 5). -#}
{{ config(tags=['persons']) }}

{{ nexus.finalize_entity('person') }}
