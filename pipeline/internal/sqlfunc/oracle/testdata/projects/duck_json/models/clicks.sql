-- day= and site= folders are columns; each row's file another
select id, page, ms, day, day + 1 as next_day, site, site || '!' as site_text, filename
from read_ndjson('data/clicks/*/*/*.ndjson', filename = true)
