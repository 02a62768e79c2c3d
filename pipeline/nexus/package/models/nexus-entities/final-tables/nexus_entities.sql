{#- One row per entity, its traits as columns. -#}
{{ config(tags=['entities']) }}

{{ nexus.finalize_entities() }}
