select * from {{ ref('fruit') }} where id <= 3
