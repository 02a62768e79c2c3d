{#- Each resolved identifier with its entity, every type in one table. -#}
{{ config(tags=['entities']) }}

select
    entity_id as identifier_id,
    identifier_type,
    identifier_value,
    entity_id,
    entity_type
from (
{{ nexus.resolved_entity_identifiers() }}
) as identifiers
