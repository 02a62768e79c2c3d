select * from {{ ref('nexus_memberships') }}
