select * from {{ ref('nexus_persons') }}
