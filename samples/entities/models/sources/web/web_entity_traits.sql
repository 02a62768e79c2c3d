-- The plan a person signed up on.
select
    {{ nexus.create_nexus_id('entity_trait', ['signup_id', "'plan'"]) }} as entity_trait_id,
    {{ nexus.create_nexus_id('event', ["'web'", 'signup_id']) }} as event_id,
    'person' as entity_type,
    'email' as identifier_type,
    email as identifier_value,
    'plan' as trait_name,
    plan as trait_value,
    'web' as source,
    signed_up_at as occurred_at
from {{ source('web', 'signups') }}
