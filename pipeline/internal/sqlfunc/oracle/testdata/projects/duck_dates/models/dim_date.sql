{{ config(materialized='table') }}
-- every day of four years around ISO week 53 of 2020 and a leap day
{{ dbt_date.get_date_dimension('2018-12-25', '2022-01-10') }}
