-- Emails come padded and in any case, some empty; signup times are a mix
-- of zoned and plain stamps (plain ones are UTC).
select
    customer_id,
    nullif(lower(trim(email)), '') as email,
    trim(full_name) as full_name,
    split_part(trim(full_name), ' ', 1) as first_name,
    case
        when signup_at is null or signup_at = '' then null
        else signup_at::timestamptz
    end as signup_at,
    coalesce(nullif(upper(country), ''), 'ZZ') as country,
    coalesce(try_cast(is_vip as boolean), false) as is_vip,
    nullif(lower(trim(referrer)), '') as referrer_email,
    regexp_extract(lower(email), '@([a-z0-9.-]+)', 1) as email_domain
from {{ source('shop_raw', 'customers') }}
where email is null or lower(trim(email)) not in (
    {%- for e in var('test_emails') %}'{{ e }}'{{ ',' if not loop.last }}{% endfor -%}
)
