{#- Relationship declarations with the entities they join. -#}
{{ config(tags=['relationships']) }}

{{ nexus.resolve_relationship_declarations() }}
