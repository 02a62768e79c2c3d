-- A shop installing the app and a staff account joining it. Test accounts
-- are dropped.
with events as (
    select
        'gadget_shop_' || shop_id || '_installed' as event_id,
        installed_at as occurred_at,
        'shop_installed' as event_name,
        shop_name || ' installed the app' as event_description,
        cast(null as real) as event_value,
        cast(null as text) as value_unit,
        'high' as event_significance,
        'lifecycle' as event_type,
        'gadget' as source,
        'gadget_shops' as source_table,
        synced_at
    from {{ source('gadget', 'shops') }}

    union all

    select
        'gadget_user_' || user_id || '_joined' as event_id,
        joined_at as occurred_at,
        'user_joined' as event_name,
        first_name || ' ' || last_name || ' joined as ' || role as event_description,
        cast(null as real) as event_value,
        cast(null as text) as value_unit,
        'medium' as event_significance,
        'lifecycle' as event_type,
        'gadget' as source,
        'gadget_users' as source_table,
        synced_at
    from {{ source('gadget', 'users') }}
    where not {{ is_test_email('email') }}
)

select {{ nexus.common_event_fields() }}
from events
