select * from {{ ref('nexus_states') }}
