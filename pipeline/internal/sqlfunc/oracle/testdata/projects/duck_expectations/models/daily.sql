select cast(current_date - cast(i as integer) as date) as d, case when i = 9 then null when i = 3 then 500 else 10 + i % 3 end as n, i % 2 as k
from range(1, 25) as t(i)
