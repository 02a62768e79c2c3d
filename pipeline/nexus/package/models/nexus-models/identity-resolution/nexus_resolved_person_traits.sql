{#- The latest value of each trait of each person (NEXUS_SPEC.md section 4). -#}
{{ config(tags=['persons']) }}

{{ nexus.resolve_traits('person') }}
