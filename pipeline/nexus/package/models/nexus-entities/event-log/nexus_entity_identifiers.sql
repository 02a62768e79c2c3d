{#- Every source's entity identifiers, all entity types in one table. -#}
{{ config(tags=['entities']) }}

{{ nexus.process_entity_identifiers() }}
