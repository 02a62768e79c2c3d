{#- One row per group, one column per trait. -#}
{{ config(tags=['groups']) }}

{{ nexus.finalize_entity('group') }}
