{#- Edges between the identifiers of one source row (one edge_id). -#}
{{ config(tags=['entities']) }}

{{ nexus.create_identifier_edges('nexus_entity_identifiers') }}
