-- times, dates, timestamps and timestamps with an offset, as DuckDB's CSV
-- sniffer types them: an offset makes a TIMESTAMP WITH TIME ZONE (the
-- instant, shown in UTC), a clock alone a TIME, dates written day first a
-- DATE in the file's one date format
select
    e.event_id,
    e.happened_at,
    e.local_at,
    e.logged_at,
    e.starts,
    e.on_day,
    e.raw_at,
    e.happened_at::varchar as happened_text,
    e.local_at + interval 1 hour as local_later,
    e.on_day + 1 as next_day,
    o.ordered_on,
    o.shipped_at,
    o.shipped_at - interval 1 day as shipped_before
from read_csv('lake/events.csv') e
left join read_csv_auto('lake/eu_orders.csv') o on o.order_ref = 'x' || e.event_id
