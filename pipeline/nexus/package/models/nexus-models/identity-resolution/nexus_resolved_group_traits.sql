{#- The latest value of each trait of each group (NEXUS_SPEC.md section 4). -#}
{{ config(tags=['groups']) }}

{{ nexus.resolve_traits('group') }}
