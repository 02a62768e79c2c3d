-- the types DuckDB's read_csv gives the files' columns (its integers are
-- BIGINT, which information_schema reads as INTEGER here: left out)
select table_name, column_name, data_type
from information_schema.columns
where table_name in ('customers', 'orders', 'returns', 'events_read') and column_name not like '%_id'
