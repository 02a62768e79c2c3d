{#- The latest value of each trait of each entity. -#}
{{ config(tags=['entities']) }}

{{ nexus.resolve_entity_traits() }}
