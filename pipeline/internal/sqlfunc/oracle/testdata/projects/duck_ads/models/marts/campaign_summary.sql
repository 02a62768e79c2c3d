select
    campaign,
    count(distinct network) as networks,
    sum(spend) as spend,
    sum(clicks) as clicks,
    sum(spend) / nullif(sum(clicks), 0) as cpc,
    avg(spend) as avg_daily_spend,
    max(spend_day) - min(spend_day) as active_span,
    min(spend_day) as first_day,
    mode(network) as main_network,
    any_value(network order by spend desc) as top_network,
    list_transform(list(spend order by spend_day, network), x -> x * 2) as doubled,
    list_filter(list(clicks order by spend_day, network), c -> c > 10) as big_click_days,
    -- the list comprehension [x + 1 for x in ... if x > 0] is refused by
    -- the playground; the same with list_transform and list_filter:
    list_transform(list_filter(list(clicks order by spend_day, network), x -> x > 0), x -> x + 1) as clicks_plus_one,
    string_agg(network || ':' || spend::varchar, ' ' order by spend_day, network) as spend_log,
    -- histogram(network) is refused by the playground (no such function):
    -- the days per network are counted instead
    count(*) filter (where network = 'google') as google_days,
    sum(impressions)::double / 1000 as kilo_impressions,
    stddev_samp(spend) as spend_stddev,
    max(spend) filter (where network = 'google') as max_google
from {{ ref('stg_spend') }}
group by campaign
order by campaign
