-- A customer is seen with its id, email and phone (one row_id per
-- customer); each invoice with the customer id and the email it was sent to
-- (one row_id per invoice), which may be another address of the same person.
with customer_identifiers as (
    {{ nexus.unpivot_identifiers(
        model_name='stripe_customers_clean',
        columns=['customer_id', 'email', 'phone'],
        additional_columns=["created_at as occurred_at", "'stripe' as source"],
        column_to_identifier_type={'customer_id': 'stripe_customer_id'}
    ) }}
),

invoice_identifiers as (
    {{ nexus.unpivot_identifiers(
        model_name='stripe_invoices_clean',
        columns=['customer_id', 'sent_to_email'],
        additional_columns=["created_at as occurred_at", "'stripe' as source"],
        column_to_identifier_type={
            'customer_id': 'stripe_customer_id',
            'sent_to_email': 'email'
        }
    ) }}
)

select * from customer_identifiers
union all
select * from invoice_identifiers
