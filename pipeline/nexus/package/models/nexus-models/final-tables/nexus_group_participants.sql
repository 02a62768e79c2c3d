{#- Which groups took part in which events. -#}
{{ config(tags=['groups']) }}

{{ nexus.finalize_participants('group') }}
