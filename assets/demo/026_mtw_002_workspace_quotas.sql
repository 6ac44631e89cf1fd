-- revision: mtw_002_workspace_quotas
-- parents: 20260113_mtw
-- message: add workspace quotas

-- migrate:up
CREATE TABLE workspace_quotas (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces (id),
    resource TEXT NOT NULL,
    quota_limit INTEGER NOT NULL
);

-- migrate:down
DROP TABLE workspace_quotas;
