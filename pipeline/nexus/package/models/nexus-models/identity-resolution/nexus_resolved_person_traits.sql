{#- The latest value of each trait of each person. -#}
{{ config(tags=['persons']) }}

{{ nexus.resolve_traits('person') }}
