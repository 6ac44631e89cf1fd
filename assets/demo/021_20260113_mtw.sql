-- revision: 20260113_mtw
-- parents: 004_extend_audit_tables
-- branch: workspaces
-- message: multi-tenant workspaces

-- migrate:up
CREATE TABLE workspaces (
    id INTEGER PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    name TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE workspace_members (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces (id),
    user_id INTEGER NOT NULL REFERENCES users (id),
    role TEXT NOT NULL DEFAULT 'member'
);

-- migrate:down
DROP TABLE workspace_members;

DROP TABLE workspaces;
