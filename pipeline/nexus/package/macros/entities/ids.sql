{#-
    Ids and entity types of the entity layer (dbt-nexus v0.13's).
-#}

{#- The short prefix v0.13's create_nexus_id gives the ids of each kind of
    row; other kinds take their first three letters (an
    entity_participant_id starts ent_, as v0.13 writes it). -#}
{%- macro nexus_id_prefix(type) -%}
    {%- set prefixes = {
        'event': 'evt', 'person': 'per', 'group': 'grp', 'membership': 'mem', 'relationship': 'rel',
        'state': 'st', 'entity_state': 'es', 'person_identifier': 'per_idfr', 'group_identifier': 'grp_idfr',
        'entity_identifier': 'ent_idfr', 'person_trait': 'per_tr', 'group_trait': 'grp_tr', 'entity_trait': 'ent_tr',
        'relationship_declaration': 'rel_decl', 'person_edge': 'per_edg', 'group_edge': 'grp_edg',
        'entity_edge': 'ent_edg', 'person_participant': 'per_prt', 'group_participant': 'grp_prt', 'nexus': 'nx',
        'touchpoint': 'tch', 'attribution_deduplication_key': 'att_dedup', 'touchpoint_path': 'tch_path',
        'touchpoint_path_batch': 'tch_batch', 'attribution_model_result': 'attr_res', 'event_measurement': 'evt_msr',
        'event_dimension': 'evt_dim', 'anomaly': 'anom', 'computed_trait': 'ct', 'scope': 'scp', 'auth_identity': 'auth'} -%}
    {{- return(prefixes.get(type, type[:3])) -}}
{%- endmacro -%}

{#- v0.13's create_nexus_id(type, cols): '<prefix>_' then the surrogate key
    of cols, so an id says what it names (per_..., ent_idfr_...). -#}
{%- macro create_nexus_id(type, cols) -%}
'{{ nexus.nexus_id_prefix(type) }}_' || {{ dbt_utils.generate_surrogate_key(cols) }}
{%- endmacro -%}

{#- The entity types resolved from identifiers: person and group unless
    vars.nexus.entity_types lists fewer (pipeline/nexus/settings reads it). -#}
{%- macro get_er_entity_types() -%}
    {{- return(var('nexus_er_entity_types', ['person', 'group'])) -}}
{%- endmacro -%}
