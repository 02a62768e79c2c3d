{#- One row per relationship between two entities, as last declared. -#}
{{ config(tags=['relationships']) }}

{{ nexus.finalize_relationships() }}
