-- fields and elements of the lists and structs read from a Parquet file
select
    id, colors[1] as first_color, len(counts) as n_counts, list_sum(counts) as total,
    item.qty * 2 as qty2, item.shipped + 7 as week_later, weights[1].w * 4 as w4,
    list_sum(prices) as price_sum, seen[1] as first_seen, grid[1][2] as g12,
    nest.inner.flags as flags, cast(item as varchar) as item_text,
    cast(prices as varchar) as prices_text, cast(seen as varchar) as seen_text,
    attrs['a'] as attr_a, cardinality(attrs) as n_attrs, map_keys(attrs) as attr_keys,
    codes[3] as code3, cast(attrs as varchar) as attrs_text, cast(codes as varchar) as codes_text
from {{ ref('nested') }}
