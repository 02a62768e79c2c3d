-- A staff account is seen with its user id and email (one row_id per
-- account); a shop's install is seen with its owner's user id and the shop's
-- contact phone (one row_id per shop). Phones are reduced to digits in the
-- base model, so they meet the same number written differently in stripe.
with user_identifiers as (
    {{ nexus.unpivot_identifiers(
        model_name='gadget_users_base',
        columns=['user_id', 'email'],
        additional_columns=["occurred_at", "'gadget' as source"],
        column_to_identifier_type={'user_id': 'gadget_user_id'}
    ) }}
),

owner_identifiers as (
    {{ nexus.unpivot_identifiers(
        model_name='gadget_shops_base',
        columns=['owner_user_id', 'owner_phone'],
        row_id_field='owner_row_id',
        additional_columns=["occurred_at", "'gadget' as source"],
        column_to_identifier_type={
            'owner_user_id': 'gadget_user_id',
            'owner_phone': 'phone'
        }
    ) }}
),

unioned as (
    select * from user_identifiers
    union all
    select * from owner_identifiers
)

select *
from unioned
order by event_id desc
