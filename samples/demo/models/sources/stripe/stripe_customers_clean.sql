-- Billing customers without test accounts, empty strings as NULL, the
-- phone reduced to digits, the email's company domain (none for email
-- providers and our own domains), and the ids the identifier models use:
-- the customer's created event, one row_id for the person behind it and
-- one for the company account. The other stripe models read this one.
with customers as (
    select
        customer_id,
        {{ nexus.normalize_email("nullif(email, '')") }} as email,
        nullif(name, '') as name,
        {{ nexus.normalize_phone("nullif(phone, '')") }} as phone,
        nullif(business_name, '') as business_name,
        nullif(address_country, '') as address_country,
        cast(json_extract(metadata, '$.gadget_shop_id') as text) as gadget_shop_id,
        created_at,
        synced_at
    from {{ source('stripe', 'customers') }}
    where not {{ is_test_email('email') }}
)

select
    *,
    case
        when email is not null
            and not {{ is_generic_domain(nexus.email_domain('email')) }}
            and not {{ is_excluded_email('email') }}
        then {{ nexus.email_domain('email') }}
    end as company_domain,
    'stripe_customer_' || customer_id || '_created' as event_id,
    md5('stripe_customer_' || customer_id) as row_id,
    md5('stripe_account_' || customer_id) as account_row_id
from customers
