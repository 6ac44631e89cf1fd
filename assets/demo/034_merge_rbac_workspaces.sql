-- revision: merge_rbac_workspaces
-- parents: rbac_009_row_level_policies, mtw_003_workspace_invitations
-- message: merge RBAC and workspaces

-- migrate:up
-- A merge point: no schema change.

-- migrate:down
-- Nothing to undo.
