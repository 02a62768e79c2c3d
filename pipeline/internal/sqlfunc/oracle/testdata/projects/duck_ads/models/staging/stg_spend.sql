{{ config(materialized='view') }}
select
    lower(campaign) as campaign,
    network,
    spend_day,
    spend,
    coalesce(clicks, 0) as clicks,
    coalesce(impressions, 0) as impressions,
    spend / nullif(clicks, 0) as cpc,
    round(100.0 * clicks / nullif(impressions, 0), 3) as ctr_pct,
    clicks::decimal(10, 2) / nullif(impressions, 0) as ctr_ratio
from {{ source('ads', 'spend') }}
