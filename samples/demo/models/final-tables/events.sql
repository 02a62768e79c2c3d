select * from {{ ref('nexus_events') }}
