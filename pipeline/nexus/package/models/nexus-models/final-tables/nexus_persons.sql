{#- One row per person, one column per trait. -#}
{{ config(tags=['persons']) }}

{{ nexus.finalize_entity('person') }}
