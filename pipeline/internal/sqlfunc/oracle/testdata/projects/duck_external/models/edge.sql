{{ config(materialized='external', format='csv') }}
select timestamp '2024-01-02 03:04:05.25' as tsf, [1, 2] as l,
  interval 1 day as iv, cast(null as integer) as allnull, time '03:04:05' as tm, 1e20::double as big,
  'a"b' as q, {'x': 1} as st, 0.1::float as fl
