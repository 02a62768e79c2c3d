{#- One row per group, one column per trait (NEXUS_SPEC.md section 5). -#}
{{ config(tags=['groups']) }}

{{ nexus.finalize_entity('group') }}
