-- The export sends some events twice: keep one of each.
select *
from {{ source('app_raw', 'usage') }}
qualify row_number() over (partition by event_id order by ts) = 1
