{{ config(materialized='view') }}
select user_id, workspace_id, email, 'owner' as kind from {{ ref('stg_users') }} where role = 'owner'
