select * from {{ ref('nexus_groups') }}
