-- The company's legal name and billing country.
{{ nexus.unpivot_traits(
    model_name='stripe_customers_clean',
    columns=['business_name', 'address_country'],
    identifier_column='customer_id',
    identifier_type='stripe_customer_id',
    additional_columns=["created_at as occurred_at", "'stripe' as source"],
    column_to_trait_name={
        'business_name': 'name',
        'address_country': 'Billing Country'
    }
) }}
