-- revision: 003_add_workspace_columns
-- parents: 001_add_tenant_id_fields
-- message: add workspace columns to documents and tasks

-- migrate:up
ALTER TABLE documents ADD COLUMN workspace_id INTEGER;

ALTER TABLE tasks ADD COLUMN workspace_id INTEGER;

-- migrate:down
ALTER TABLE tasks DROP COLUMN workspace_id;

ALTER TABLE documents DROP COLUMN workspace_id;
