-- revision: sync_002
-- parents: sync_001
-- message: add sync conflicts, transformation rules and sync audit

-- migrate:up
CREATE TABLE transformation_rules (
    id INTEGER PRIMARY KEY,
    job_id INTEGER REFERENCES sync_jobs (id),
    script TEXT NOT NULL
);

CREATE TABLE data_conflicts (
    id INTEGER PRIMARY KEY,
    execution_id INTEGER REFERENCES sync_executions (id),
    record_key TEXT NOT NULL,
    resolution TEXT
);

CREATE TABLE sync_audit_logs (
    id INTEGER PRIMARY KEY,
    execution_id INTEGER REFERENCES sync_executions (id),
    message TEXT,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- migrate:down
DROP TABLE sync_audit_logs;

DROP TABLE data_conflicts;

DROP TABLE transformation_rules;
