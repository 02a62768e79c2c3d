select
    person_id,
    'email' as identifier_type,
    email as identifier_value
from {{ source('your_source', 'users') }}
where email is not null

union all

select
    person_id,
    'user_id' as identifier_type,
    user_id::string as identifier_value
from {{ source('your_source', 'users') }}
