-- Each signup session gets the latest earlier campaign session of the same
-- visitor within the window.
with signups as (
    select * from {{ ref('stg_sessions') }} where is_signup_page
),
touches as (
    select * from {{ ref('stg_sessions') }} where utm_campaign is not null
)
select
    s.session_id as signup_session,
    s.visitor_id,
    t.session_id as touch_session,
    t.utm_source,
    t.utm_campaign,
    date_diff('hour', t.started_at, s.started_at) as hours_to_signup,
    s.started_at - t.started_at as time_to_signup,
    age(s.started_at::timestamp, t.started_at::timestamp) as age_to_signup,
    extract(epoch from s.started_at) - extract(epoch from t.started_at) as seconds_to_signup,
    strftime(s.started_at, '%Y-%m-%d %H:%M') as signup_minute,
    date_part('dow', s.started_at) as signup_dow,
    make_timestamp(2024, 4, 1, 0, 0, 0) + interval (date_diff('day', date '2024-04-01', s.started_at::date)) day as signup_day_start
from signups as s
asof left join touches as t
    on t.visitor_id = s.visitor_id and t.started_at <= s.started_at
where t.session_id is null
    or s.started_at - t.started_at <= interval {{ var('attribution_window_days') }} day
