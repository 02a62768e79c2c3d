{#- Every source's relationship declarations. -#}
{{ config(tags=['relationships']) }}

{{ nexus.process_relationship_declarations() }}
