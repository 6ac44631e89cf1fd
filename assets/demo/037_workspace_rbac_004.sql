-- revision: workspace_rbac_004
-- parents: merge_rbac_workspaces
-- message: scope roles to workspaces

-- migrate:up
CREATE TABLE workspace_roles (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces (id),
    role_id INTEGER NOT NULL REFERENCES roles (id)
);

CREATE INDEX ix_workspace_roles_workspace ON workspace_roles (workspace_id);

-- migrate:down
DROP INDEX ix_workspace_roles_workspace;

DROP TABLE workspace_roles;
