{#- Which persons took part in which events (NEXUS_SPEC.md section 5). -#}
{{ config(tags=['persons']) }}

{{ nexus.finalize_participants('person') }}
