-- Sign-ups and page views of the website.
select
    {{ nexus.create_nexus_id('event', ["'web'", 'signup_id']) }} as event_id,
    signed_up_at as occurred_at,
    'signed up' as event_name,
    'Signed up on the ' || plan || ' plan' as event_description,
    'web' as event_type,
    3 as significance,
    'web' as source,
    'signups' as source_table,
    signed_up_at as _ingested_at
from {{ source('web', 'signups') }}

union all

select
    {{ nexus.create_nexus_id('event', ["'web'", 'pageview_id']) }} as event_id,
    viewed_at as occurred_at,
    'page viewed' as event_name,
    'Viewed ' || url as event_description,
    'web' as event_type,
    1 as significance,
    'web' as source,
    'pageviews' as source_table,
    viewed_at as _ingested_at
from {{ source('web', 'pageviews') }}
