{{ config(materialized='external', format='csv') }}
select cast(2 as double) as f, 2.00 as i, '' as e, 'a b' as t
union all
select 0.1, 3.10, null, ' lead'
