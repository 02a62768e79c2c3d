-- One row per subscription with its trial and paid periods, keyed by the
-- resolved person behind the billing customer: the input of the Common Tasks
-- page's billing_lifecycle state model.
select
    r.person_id,
    s.subscription_id,
    s.plan,
    s.trial_start as trial_started_at,
    s.trial_end as trial_ended_at,
    s.started_at as subscription_started_at,
    s.ended_at as subscription_ended_at
from {{ source('stripe', 'subscriptions') }} as s
join {{ ref('nexus_resolved_person_identifiers') }} as r
    on r.identifier_type = 'stripe_customer_id'
    and r.identifier_value = s.customer_id
