select
    count(*) as n,
    sum(weight) as total_weight,
    sum(score) as total_score,
    max(score)::varchar as top_score,
    min(weight) * 10 as min_weight_x10
from {{ ref('scores') }}
