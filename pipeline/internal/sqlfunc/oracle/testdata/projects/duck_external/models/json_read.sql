select id, amount * 2 as amount2, ratio, on_day + 1 as next_day, at_clock, zoned + interval 1 hour as zoned_later,
  iso + interval 1 day as iso_later, dmy, mixed_ts || '!' as mixed_text, whole_ts + interval 1 minute as whole_later,
  span || '!' as span_text, not flag as nf, label, slashed || '!' as slashed_text,
  cast(zoned as varchar) as zoned_text, cast(on_day as varchar) as day_text
from {{ ref('as_json') }}
