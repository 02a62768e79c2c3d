-- fields and elements of the lists and structs read from a Parquet file
select
    id, colors[1] as first_color, len(counts) as n_counts, list_sum(counts) as total,
    item.qty * 2 as qty2, item.shipped + 7 as week_later, weights[1].w * 4 as w4,
    list_sum(prices) as price_sum, seen[1] as first_seen, grid[1][2] as g12,
    nest.inner.flags as flags, cast(item as varchar) as item_text,
    cast(prices as varchar) as prices_text, cast(seen as varchar) as seen_text
from {{ ref('nested') }}
