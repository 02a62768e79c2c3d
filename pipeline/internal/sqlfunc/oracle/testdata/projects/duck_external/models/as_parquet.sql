{{ config(materialized='external') }}
select '1' as a, '2024-01-02' as d, 'true' as b, 1.50 as n
