-- A customer is also the account of a company: seen with its id, the shop
-- id the app stores in its metadata, and its email's company domain.
{{ nexus.unpivot_identifiers(
    model_name='stripe_customers_clean',
    columns=['customer_id', 'gadget_shop_id', 'company_domain'],
    row_id_field='account_row_id',
    additional_columns=["created_at as occurred_at", "'stripe' as source"],
    column_to_identifier_type={
        'customer_id': 'stripe_customer_id',
        'company_domain': 'domain'
    }
) }}
