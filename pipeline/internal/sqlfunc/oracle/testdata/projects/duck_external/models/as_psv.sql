{{ config(materialized='external', location='out/as_psv', delimiter='|') }}
select '7' as a, 'false' as b
