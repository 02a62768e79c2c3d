{#- Which groups took part in which events (NEXUS_SPEC.md section 5). -#}
{{ config(tags=['groups']) }}

{{ nexus.finalize_participants('group') }}
