{#- Which persons took part in which events. -#}
{{ config(tags=['persons']) }}

{{ nexus.finalize_participants('person') }}
