{{ config(materialized='external', format='json') }}
-- DuckDB's JSON reader types the columns again from the file: a DECIMAL
-- and a FLOAT are DOUBLEs, text of dates, clocks and timestamps those
-- types, timestamps with and without a fraction of a second text
select 1 as id, 2.50 as amount, 0.1::float as ratio, '2024-01-02' as on_day, '09:30' as at_clock,
  '2024-01-02 03:04:05+05:30' as zoned, '2024-01-02T03:04:05' as iso, '02-01-2024' as dmy,
  timestamp '2024-01-02 03:04:05.5' as mixed_ts, timestamp '2024-01-02 03:04:05' as whole_ts,
  interval 90 minute as span, true as flag, 'x' as label, '2024/01/02' as slashed, [1.5, 2.25] as l
union all
select 2, 3.25, 0.7::float, '2024-2-29', '17:45:30.25', '2024-01-03 00:00:00Z', '2024-01-03T10:00:00', '13-01-2024',
  timestamp '2024-01-03 00:00:00', timestamp '2024-01-03 10:00:00', interval 2 day, false, null, '2024/01/03', []
