{{ config(materialized='external', location='out/by_location.csv') }}
select '3' as a, timestamp '2024-01-02 03:04:05' as ts
