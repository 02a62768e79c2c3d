select cast(f as varchar) as f_text, cast(i as varchar) as i_text, e is null as e_null, '[' || t || ']' as t1
from {{ ref('more') }}
order by 1
