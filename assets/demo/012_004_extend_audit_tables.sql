-- revision: 004_extend_audit_tables
-- parents: 003_add_workspace_columns
-- message: extend audit logs with request context and an archive

-- migrate:up
ALTER TABLE audit_logs ADD COLUMN request_id TEXT;

ALTER TABLE audit_logs ADD COLUMN ip_address TEXT;

CREATE TABLE audit_log_archive (
    id INTEGER PRIMARY KEY,
    original_id INTEGER NOT NULL,
    payload TEXT NOT NULL,
    archived_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- migrate:down
DROP TABLE audit_log_archive;

ALTER TABLE audit_logs DROP COLUMN ip_address;

ALTER TABLE audit_logs DROP COLUMN request_id;
