select a || '!' as a1, cast(d as varchar) || '!' as d1, b || '!' as b1, n * 2 as n2, cast(n as varchar) as n_text
from {{ ref('as_parquet') }}
