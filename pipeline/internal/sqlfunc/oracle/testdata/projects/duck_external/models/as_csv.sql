{{ config(materialized='external', format='csv') }}
select '1' as a, '2024-01-02' as d, 'true' as b, 1.50 as n, 'x' as s, cast(null as varchar) as z
union all
select '20', '2024-02-29', 'false', 2.25, 'y,z', 'w'
