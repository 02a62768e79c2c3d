select id, s.x + 1 as x1, s.y, s.d + 1 as next_day, s.z, l, len(l) as n, l[1] as first, tags, items, items[1].at + interval 1 hour as later,
  items[2].m as m, flags, f, s::varchar as s_text, items::varchar as items_text, f::varchar as f_text
from read_json_auto('data/nested.ndjson') order by id
