-- One row per order line: the items list is a pipe-separated string.
with lines as (
    select
        order_id,
        unnest(string_split(items, '|')) as sku
    from {{ source('shop_raw', 'orders') }}
    where items <> ''
)
select
    order_id,
    sku,
    count(*) as quantity,
    regexp_replace(sku, '^sku-', '')::int as sku_number
from lines
group by all
