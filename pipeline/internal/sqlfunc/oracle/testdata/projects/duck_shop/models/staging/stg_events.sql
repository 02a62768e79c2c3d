select
    event_id,
    anonymous_id,
    nullif(lower(customer_email), '') as email,
    event_ts::timestamp as occurred_at,
    event_name,
    properties::json as properties,
    properties::json ->> 'path' as page_path,
    regexp_extract(properties::json ->> 'referrer', 'https?://(?:www\.)?([^/]+)', 1) as referrer_host,
    try_cast(properties::json ->> 'qty' as integer) as qty,
    properties::json ->> 'sku' as sku
from {{ source('shop_raw', 'events') }}
