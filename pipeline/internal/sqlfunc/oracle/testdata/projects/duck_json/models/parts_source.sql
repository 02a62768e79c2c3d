select id, label from {{ source('raw', 'parts') }}
