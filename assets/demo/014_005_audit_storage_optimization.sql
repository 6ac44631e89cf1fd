-- revision: 005_audit_storage_optimization
-- parents: 004_extend_audit_tables
-- branch: rbac
-- message: partition audit storage and index by time

-- migrate:up
CREATE TABLE audit_log_partitions (
    id INTEGER PRIMARY KEY,
    period TEXT NOT NULL UNIQUE,
    row_count INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX ix_audit_logs_created ON audit_logs (created_at);

-- migrate:down
DROP INDEX ix_audit_logs_created;

DROP TABLE audit_log_partitions;
