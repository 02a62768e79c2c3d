{{ dbt_utils.union_relations(relations=[ref('workspace_owners'), ref('workspace_members')]) }}
