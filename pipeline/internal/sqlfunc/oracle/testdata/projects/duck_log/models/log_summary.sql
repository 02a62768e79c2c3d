select
    load_id,
    rows_loaded,
    share,
    share * 2 as share_x2,
    ratio,
    loaded_at + interval 1 hour as next_at,
    loaded_on + 1 as next_day,
    ok,
    note,
    length(note) as note_length
from {{ ref('load_log') }}
