{#- Every source's entity traits, all entity types in one table. -#}
{{ config(tags=['entities']) }}

{{ nexus.process_entity_traits() }}
