{#- The latest value of each trait of each group. -#}
{{ config(tags=['groups']) }}

{{ nexus.resolve_traits('group') }}
