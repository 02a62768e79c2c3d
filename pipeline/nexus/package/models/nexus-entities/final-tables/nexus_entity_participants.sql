{#- Which entities took part in which events, every resolved type. -#}
{{ config(tags=['entities', 'participants']) }}

{%- for entity_type in nexus.get_er_entity_types() %}
{%- if not loop.first %}

union all
{%- endif %}

{{ nexus.finalize_participants(entity_type) }}
{%- endfor %}
