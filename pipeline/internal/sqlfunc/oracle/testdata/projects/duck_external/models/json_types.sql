-- the types DuckDB's JSON reader gives the file's columns (BIGINT reads as
-- INTEGER here: left out; the list keeps its type here, DOUBLE[] there)
select column_name, data_type
from information_schema.columns
where table_name = 'as_json' and column_name not in ('id', 'l')
