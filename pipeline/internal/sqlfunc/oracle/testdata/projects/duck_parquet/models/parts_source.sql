select count(*) as n, string_agg(v, ',' order by id) as vs from {{ source('raw', 'parts') }}
