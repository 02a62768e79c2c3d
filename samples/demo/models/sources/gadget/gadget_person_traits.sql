-- Name, email and role of each staff account, attached to its user id.
{{ nexus.unpivot_traits(
    model_name='gadget_users_base',
    columns=['full_name', 'email', 'role'],
    identifier_column='user_id',
    identifier_type='gadget_user_id',
    additional_columns=["occurred_at", "'gadget' as source"],
    column_to_trait_name={
        'full_name': 'name',
        'role': 'Shop Role'
    }
) }}
