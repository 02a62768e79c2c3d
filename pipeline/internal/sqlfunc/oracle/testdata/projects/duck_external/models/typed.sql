select a + 1 as a1, d + 1 as d1, not b as nb, n * 2 as n2, s || '!' as s1, z is null as z_null,
       n = 1.5 or n = 2.25 as n_exact
from {{ ref('as_csv') }}
order by 1
