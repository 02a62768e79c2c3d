-- Name, domain and Shopify plan of each shop, attached to its id.
{{ nexus.unpivot_traits(
    model_name='gadget_shops_base',
    columns=['shop_name', 'custom_domain', 'plan_name'],
    identifier_column='shop_id',
    identifier_type='gadget_shop_id',
    additional_columns=["occurred_at", "'gadget' as source"],
    column_to_trait_name={
        'shop_name': 'name',
        'custom_domain': 'domain',
        'plan_name': 'Shopify Plan'
    }
) }}
