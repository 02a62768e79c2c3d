-- The sender's display name and every address, attached to the email.
{{ nexus.unpivot_traits(
    model_name='gmail_message_participants',
    columns=['display_name', 'email'],
    identifier_column='email',
    identifier_type='email',
    additional_columns=["sent_at as occurred_at", "'gmail' as source"],
    column_to_trait_name={'display_name': 'name'}
) }}
