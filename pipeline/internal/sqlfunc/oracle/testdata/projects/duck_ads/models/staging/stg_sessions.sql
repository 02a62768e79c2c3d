{{ config(materialized='view') }}
select
    session_id,
    visitor_id,
    started_at,
    started_at at time zone 'America/New_York' as started_at_ny,
    url,
    regexp_extract(url, '^https?://([^/?]+)', 1) as host,
    coalesce(nullif(regexp_extract(url, '^https?://[^/]+(/[^?]*)', 1), ''), '/') as path,
    regexp_extract(url, 'utm_source=([^&]+)', 1) as utm_source,
    lower(replace(nullif(regexp_extract(url, 'utm_campaign=([^&]+)', 1), ''), '%20', ' ')) as utm_campaign,
    regexp_replace(url, '\?.*$', '') as url_no_query,
    regexp_replace(url, '[aeiou]', '*', 'g') as url_masked,
    duration_s,
    round(duration_s / 60, 2) as duration_min,
    duration_s::int as duration_whole,
    nullif(lower(email), '') as email,
    starts_with(url, 'https://') as is_https,
    contains(url, 'signup') as is_signup_page,
    length(url) as url_length,
    string_split(trim(regexp_extract(url, '^https?://[^/]+(/[^?]*)', 1), '/'), '/') as path_parts
from {{ source('ads', 'sessions') }}
