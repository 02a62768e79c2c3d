select cast(tsf as varchar) as tsf, cast(l as varchar) as l, cast(iv as varchar) as iv,
  allnull is null as an, cast(tm as varchar) as tm, cast(big as varchar) as big, q, cast(st as varchar) as st,
  cast(fl as varchar) as fl
from {{ ref('edge') }}
