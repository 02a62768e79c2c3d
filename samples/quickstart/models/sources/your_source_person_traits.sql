-- Traits hang on an identifier; here every user's name and email hang on
-- its user_id, so a person keeps them whichever identifier resolves it.
select
    cast(null as text) as event_id,
    'user_id' as identifier_type,
    cast(user_id as text) as identifier_value,
    'name' as trait_name,
    name as trait_value,
    signed_up_at as occurred_at
from {{ source('your_source', 'users') }}

union all

select
    cast(null as text) as event_id,
    'user_id' as identifier_type,
    cast(user_id as text) as identifier_value,
    'email' as trait_name,
    lower(email) as trait_value,
    signed_up_at as occurred_at
from {{ source('your_source', 'users') }}
where email is not null
