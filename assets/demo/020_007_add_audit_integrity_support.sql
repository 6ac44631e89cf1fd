-- revision: 007_add_audit_integrity_support
-- parents: 006_add_rbac_tables, 006_add_sensitivity_policies
-- message: merge RBAC and sensitivity policies; add audit hash chain

-- migrate:up
CREATE TABLE audit_hash_chain (
    id INTEGER PRIMARY KEY,
    audit_log_id INTEGER NOT NULL REFERENCES audit_logs (id),
    previous_hash TEXT,
    hash TEXT NOT NULL
);

-- migrate:down
DROP TABLE audit_hash_chain;
