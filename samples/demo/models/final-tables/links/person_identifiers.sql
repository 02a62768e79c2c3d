select * from {{ ref('nexus_person_identifiers') }}
