-- A sign-up joins the visitor's anonymous id to their email; a page view
-- names the anonymous visitor only.
with rows as (
    select
        {{ nexus.create_nexus_id('event', ["'web'", 'signup_id']) }} as event_id,
        signup_id as row_key,
        'anonymous_id' as identifier_type,
        anonymous_id as identifier_value,
        signed_up_at as occurred_at
    from {{ source('web', 'signups') }}

    union all

    select
        {{ nexus.create_nexus_id('event', ["'web'", 'signup_id']) }},
        signup_id,
        'email',
        email,
        signed_up_at
    from {{ source('web', 'signups') }}

    union all

    select
        {{ nexus.create_nexus_id('event', ["'web'", 'pageview_id']) }},
        pageview_id,
        'anonymous_id',
        anonymous_id,
        viewed_at
    from {{ source('web', 'pageviews') }}
)

select
    {{ nexus.create_nexus_id('entity_identifier', ['event_id', 'identifier_type', 'identifier_value', "'person'"]) }} as entity_identifier_id,
    event_id,
    {{ nexus.create_nexus_id('entity_edge', ['row_key', "'person'"]) }} as edge_id,
    'person' as entity_type,
    identifier_type,
    identifier_value,
    'visitor' as role,
    'web' as source,
    occurred_at,
    occurred_at as _ingested_at
from rows
