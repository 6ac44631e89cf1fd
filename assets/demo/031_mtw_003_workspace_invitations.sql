-- revision: mtw_003_workspace_invitations
-- parents: mtw_002_workspace_quotas
-- message: add workspace invitations

-- migrate:up
CREATE TABLE workspace_invitations (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces (id),
    email TEXT NOT NULL,
    expires_at TIMESTAMP
);

-- migrate:down
DROP TABLE workspace_invitations;
