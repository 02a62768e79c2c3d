{% snapshot plans_snapshot %}
{{ config(target_schema='snapshots', unique_key='plan_id', strategy='timestamp', updated_at='updated_at') }}
select * from {{ ref('raw_plans') }}
{% endsnapshot %}

{% snapshot plans_checked %}
{{ config(target_schema='snapshots', unique_key='plan_id', strategy='check', check_cols=['tier', 'price']) }}
select plan_id, tier, price from {{ ref('raw_plans') }}
{% endsnapshot %}
