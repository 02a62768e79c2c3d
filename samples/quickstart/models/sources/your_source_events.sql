select
    event_id,
    person_id,
    occurred_at,
    event_type,
    properties
from {{ source('your_source', 'events') }}
