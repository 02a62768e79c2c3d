-- Every outside address of a message is a person seen on its own: an email
-- says nothing about who else is on the message, so each address is its own
-- row_id.
{{ nexus.unpivot_identifiers(
    model_name='gmail_message_participants',
    columns=['email'],
    additional_columns=["sent_at as occurred_at", "'gmail' as source"]
) }}
