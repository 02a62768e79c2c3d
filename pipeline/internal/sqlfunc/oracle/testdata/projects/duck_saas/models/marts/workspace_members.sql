select user_id, email, workspace_id, is_active from {{ ref('stg_users') }} where role <> 'owner'
