-- A shop is seen with its id, its own domain and its myshopify domain.
{{ nexus.unpivot_identifiers(
    model_name='gadget_shops_base',
    columns=['shop_id', 'custom_domain', 'myshopify_domain'],
    additional_columns=["occurred_at", "'gadget' as source"],
    column_to_identifier_type={
        'shop_id': 'gadget_shop_id',
        'custom_domain': 'domain',
        'myshopify_domain': 'domain'
    }
) }}
