{#- Each group identifier with the group_id it resolves to (NEXUS_SPEC.md section 4). -#}
{{ config(tags=['groups']) }}

{{ nexus.resolved_identifiers('group') }}
