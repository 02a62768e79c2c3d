{#- Every source's events in v0.13's columns (entity layer). -#}
{{ nexus.entity_layer_events() }}
