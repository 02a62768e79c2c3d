-- A seed whose header is upper case, read by lower-case names: DuckDB
-- names each column as the seed spells it (CLIENT_ID, Full_Name), quoted
-- or not, through CTEs and select *.
with source as (
    select * from {{ ref('raw_clients') }}
),

renamed as (
    select
        client_id,
        full_name,
        "phone",
        s.signup_date,
        upper(full_name) as name_upper
    from source as s
)

select * from renamed
